package io.supportplatform.sla.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supportplatform.sla.domain.Severity;
import io.supportplatform.sla.domain.TicketEvent;
import io.supportplatform.sla.domain.TicketEventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads structured-mode CloudEvents JSON from ticket-service into the SLA service's own
 * {@link TicketEvent}, naming every problem of a malformed one. Unknown fields are ignored so
 * producers can add to a type version without breaking this reader.
 */
@ApplicationScoped
public class TicketEventParser {

    private static final Pattern SYSTEM_ID = Pattern.compile("\\d{6}"); // P5.a

    private final ObjectMapper json;

    public TicketEventParser(ObjectMapper json) {
        this.json = json;
    }

    /** Contract {@code io.supportplatform.ticket-created.v1}; the ticket's creation is the occurrence. */
    public TicketEvent ticketCreated(String value) {
        Fields envelope = new Fields(readTree(value), "");
        envelope.requireText("specversion", "1.0");
        envelope.requireText("type", TicketEventType.TICKET_CREATED.cloudEventType());
        UUID id = envelope.uuid("id");
        String subject = envelope.text("subject");
        Fields data = envelope.object("data");
        UUID ticketId = data.uuid("ticketId");
        if (ticketId != null && subject != null && !subject.equals(ticketId.toString())) {
            envelope.problems.add("subject must be the ticket id " + ticketId);
        }
        long sequence = data.positiveLong("sequence");
        String ticketNumber = data.text("ticketNumber");
        String systemId = data.matching("systemId", SYSTEM_ID);
        Severity severity = data.severity("severity");
        String status = data.text("status");
        Instant createdAt = data.instant("createdAt");
        envelope.problems.addAll(data.problems);
        if (!envelope.problems.isEmpty()) {
            throw new MalformedEventException(envelope.problems);
        }
        return new TicketEvent(id, ticketId, TicketEventType.TICKET_CREATED, sequence, createdAt, ticketNumber,
                systemId, severity, status);
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

    /** Required fields of one JSON object; collects problems instead of failing on the first. */
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
            JsonNode field = node.get(name);
            if (field == null || !field.isTextual() || field.asText().isBlank()) {
                problems.add(prefix + name + " must be a non-blank string");
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

        Instant instant(String name) {
            String text = text(name);
            if (text == null) {
                return null;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                problems.add(prefix + name + " must be an RFC 3339 UTC timestamp");
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

        Severity severity(String name) {
            JsonNode field = node == null ? null : node.get(name);
            if (field == null || !field.isIntegralNumber() || field.asInt() < 1 || field.asInt() > 4) {
                if (node != null) {
                    problems.add(prefix + name + " must be an integer 1..4");
                }
                return null;
            }
            return Severity.ofLevel(field.asInt());
        }

        Fields object(String name) {
            return new Fields(node == null ? null : node.get(name), prefix + name + ".");
        }
    }
}
