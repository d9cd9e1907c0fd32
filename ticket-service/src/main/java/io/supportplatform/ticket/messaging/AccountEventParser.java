package io.supportplatform.ticket.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportplatform.cloudevents.EventEnvelope;
import io.supportplatform.cloudevents.EventFields;
import io.supportplatform.ticket.domain.AccountStatus;

/**
 * Reads contact-service's structured CloudEvents (v1 of customer-account-changed, contact-authorized,
 * contact-revoked), naming every problem of a malformed one. Fields this reader does not need, and unknown
 * ones, are ignored, so the producer may add optional fields without breaking it.
 */
@ApplicationScoped
public class AccountEventParser {

    public static final String ACCOUNT_CHANGED = "io.supportplatform.customer-account-changed.v1";
    public static final String CONTACT_AUTHORIZED = "io.supportplatform.contact-authorized.v1";
    public static final String CONTACT_REVOKED = "io.supportplatform.contact-revoked.v1";

    private static final List<String> TYPES = List.of(ACCOUNT_CHANGED, CONTACT_AUTHORIZED, CONTACT_REVOKED);
    private static final Pattern SYSTEM_ID = Pattern.compile("\\d{6}"); // P5.a

    private final ObjectMapper json;

    public AccountEventParser(ObjectMapper json) {
        this.json = json;
    }

    public AccountEvent parse(String value) {
        EventEnvelope envelope = EventFields.envelope(json, value, TYPES);
        UUID id = envelope.id();
        String type = envelope.type();
        String subject = envelope.text("subject");
        EventFields data = envelope.object("data");
        long sequence = data.positiveLong("sequence");
        String systemId = data.matching("systemId", SYSTEM_ID);
        if (systemId != null && subject != null && !subject.equals(systemId)) {
            envelope.problem("subject must be the account's system ID " + systemId);
        }
        AccountEvent event = null;
        if (ACCOUNT_CHANGED.equals(type)) {
            String name = data.text("name");
            AccountStatus status = data.oneOf("status", AccountStatus.class);
            event = new AccountEvent.AccountChanged(id, type, systemId, sequence, name, status);
        } else if (CONTACT_AUTHORIZED.equals(type) || CONTACT_REVOKED.equals(type)) {
            UUID contactId = data.uuid("contactId");
            String keycloakUserId = data.optionalNonBlankText("keycloakUserId");
            LocalDate from = data.date("authorizedFrom");
            // a revocation always names the end; an authorization may run until further notice
            LocalDate until = CONTACT_REVOKED.equals(type) ? data.date("authorizedUntil")
                    : data.optionalDate("authorizedUntil");
            event = new AccountEvent.ContactChanged(id, type, systemId, sequence, contactId, keycloakUserId, from,
                    until);
        }
        envelope.check();
        return event;
    }
}
