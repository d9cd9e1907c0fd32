package io.supportplatform.ticket.messaging;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    private static final Pattern SYSTEM_ID = Pattern.compile("\\d{6}"); // P5.a

    private final ObjectMapper json;

    public AccountEventParser(ObjectMapper json) {
        this.json = json;
    }

    public AccountEvent parse(String value) {
        Fields envelope = new Fields(readTree(value), "");
        envelope.requireText("specversion", "1.0");
        UUID id = envelope.uuid("id");
        String type = envelope.text("type");
        String subject = envelope.text("subject");
        Fields data = envelope.object("data");
        long sequence = data.positiveLong("sequence");
        String systemId = data.matching("systemId", SYSTEM_ID);
        if (systemId != null && subject != null && !subject.equals(systemId)) {
            envelope.problems.add("subject must be the account's system ID " + systemId);
        }
        AccountEvent event = null;
        if (ACCOUNT_CHANGED.equals(type)) {
            String name = data.text("name");
            AccountStatus status = data.status("status");
            event = new AccountEvent.AccountChanged(id, type, systemId, sequence, name, status);
        } else if (CONTACT_AUTHORIZED.equals(type) || CONTACT_REVOKED.equals(type)) {
            UUID contactId = data.uuid("contactId");
            String keycloakUserId = data.optionalText("keycloakUserId");
            LocalDate from = data.date("authorizedFrom");
            // a revocation always names the end; an authorization may run until further notice
            LocalDate until = CONTACT_REVOKED.equals(type) ? data.date("authorizedUntil")
                    : data.optionalDate("authorizedUntil");
            event = new AccountEvent.ContactChanged(id, type, systemId, sequence, contactId, keycloakUserId, from,
                    until);
        } else if (type != null) {
            envelope.problems.add("type " + type + " is none of " + ACCOUNT_CHANGED + ", " + CONTACT_AUTHORIZED
                    + ", " + CONTACT_REVOKED);
        }
        envelope.problems.addAll(data.problems);
        if (!envelope.problems.isEmpty()) {
            throw new MalformedEventException(envelope.problems);
        }
        return event;
    }

    private JsonNode readTree(String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException(List.of("empty message"));
        }
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(List.of("not JSON: " + e.getOriginalMessage()));
        }
    }

    /** The fields of one JSON object; collects problems instead of failing on the first. */
    private static final class Fields {
        private final JsonNode node;
        private final String prefix;
        private final List<String> problems = new ArrayList<>();

        Fields(JsonNode node, String prefix) {
            this.prefix = prefix;
            if (node == null || !node.isObject()) {
                problems.add((prefix.isEmpty() ? "message" : prefix.substring(0, prefix.length() - 1))
                        + " must be a JSON object");
                this.node = null;
            } else {
                this.node = node;
            }
        }

        String text(String name) {
            if (node == null) {
                return null;
            }
            String text = optionalText(name);
            if (text == null) {
                problems.add(prefix + name + " must be a non-blank string");
            }
            return text;
        }

        String optionalText(String name) {
            JsonNode field = node == null ? null : node.get(name);
            if (field == null || field.isNull()) {
                return null;
            }
            if (!field.isTextual() || field.asText().isBlank()) {
                problems.add(prefix + name + " must be a non-blank string when present");
                return null;
            }
            return field.asText();
        }

        void requireText(String name, String expected) {
            String actual = text(name);
            if (actual != null && !actual.equals(expected)) {
                problems.add(prefix + name + " must be " + expected + ", was " + actual);
            }
        }

        UUID uuid(String name) {
            String text = text(name);
            if (text == null) {
                return null;
            }
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                problems.add(prefix + name + " must be a UUID");
                return null;
            }
        }

        String matching(String name, Pattern pattern) {
            String text = text(name);
            if (text != null && !pattern.matcher(text).matches()) {
                problems.add(prefix + name + " must match " + pattern.pattern());
                return null;
            }
            return text;
        }

        LocalDate date(String name) {
            String text = text(name);
            return text == null ? null : parseDate(name, text);
        }

        LocalDate optionalDate(String name) {
            String text = optionalText(name);
            return text == null ? null : parseDate(name, text);
        }

        private LocalDate parseDate(String name, String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problems.add(prefix + name + " must be an ISO 8601 date (yyyy-mm-dd)");
                return null;
            }
        }

        AccountStatus status(String name) {
            String text = text(name);
            if (text == null) {
                return null;
            }
            try {
                return AccountStatus.valueOf(text);
            } catch (IllegalArgumentException e) {
                problems.add(prefix + name + " must be ACTIVE or SUSPENDED");
                return null;
            }
        }

        long positiveLong(String name) {
            JsonNode field = node == null ? null : node.get(name);
            if (field == null || !field.canConvertToExactIntegral() || !field.canConvertToLong() || field.asLong() < 1) {
                if (node != null) {
                    problems.add(prefix + name + " must be a positive integer");
                }
                return 0;
            }
            return field.asLong();
        }

        Fields object(String name) {
            return new Fields(node == null ? null : node.get(name), prefix + name + ".");
        }
    }
}
