package io.supportplatform.contact.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code io.supportplatform.contact-authorized.v1}; the field set is a contract
 * (deploy/contracts/contact-authorized.v1.schema.json): adding optional fields is fine, anything else needs a
 * v2 type. Absent {@code keycloakUserId}: no user linked yet; absent {@code authorizedUntil}: until further
 * notice.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactAuthorized(long sequence, String systemId, UUID contactId, String keycloakUserId, String name,
        String email, String phone, String language, LocalDate authorizedFrom, LocalDate authorizedUntil,
        String authorizedBy, Instant authorizedAt) {

    public static final String TOPIC = "contact-authorized";
    public static final String TYPE = "io.supportplatform.contact-authorized.v1";
}
