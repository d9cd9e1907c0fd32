package io.supportplatform.sla.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supportplatform.sla.domain.Severity;
import io.supportplatform.sla.domain.TicketEvent;
import io.supportplatform.sla.domain.TicketEventType;
import io.supportplatform.sla.domain.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** Stands in for a missing id while the remaining fields are checked; such an event is always rejected. */
    private static final UUID NO_ID = new UUID(0, 0);

    private final ObjectMapper json;

    public TicketEventParser(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Reads a CloudEvent of the given type (contracts in deploy/contracts and NEW-TICKET-EVENTS). The
     * occurrence is when the fact happened: the ticket's creation, the reply's posting, the status or
     * severity change, the call itself (not its logging), the escalation request.
     *
     * @throws MalformedEventException naming every problem, if the event is not a valid one of this type
     */
    public TicketEvent parse(TicketEventType type, String value) {
        Fields envelope = new Fields(readTree(value), "");
        envelope.requireText("specversion", "1.0");
        envelope.requireText("type", type.cloudEventType());
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
        TicketEvent event = switch (type) {
            case TICKET_CREATED -> event(id, ticketId, type, sequence, data.instant("createdAt"), ticketNumber, systemId)
                    .withSeverity(data.severity("severity"))
                    .withStatus(null, data.oneOf("status", TicketStatus.class))
                    .withRegion(data.optionalText("region"));
            case CUSTOMER_REPLIED -> event(id, ticketId, type, sequence, data.instant("postedAt"), ticketNumber, systemId);
            case AGENT_REPLIED -> event(id, ticketId, type, sequence, data.instant("postedAt"), ticketNumber, systemId)
                    .withVisibility(data.oneOf("visibility", TicketEvent.Visibility.class));
            case TICKET_STATUS_CHANGED -> event(id, ticketId, type, sequence, data.instant("changedAt"), ticketNumber,
                    systemId).withStatus(data.oneOf("from", TicketStatus.class), data.oneOf("to", TicketStatus.class));
            case TICKET_SEVERITY_CHANGED -> {
                data.severity("from");
                yield event(id, ticketId, type, sequence, data.instant("changedAt"), ticketNumber, systemId)
                        .withSeverity(data.severity("to"));
            }
            case PHONE_CONTACT_LOGGED -> event(id, ticketId, type, sequence, data.instant("calledAt"), ticketNumber,
                    systemId).withCall(data.oneOf("tier", TicketEvent.PhoneTier.class),
                    data.oneOf("direction", TicketEvent.CallDirection.class));
            case ESCALATION_REQUESTED -> event(id, ticketId, type, sequence, data.instant("requestedAt"), ticketNumber,
                    systemId).withSeverity(data.severity("severity"))
                    .withEscalationKind(data.oneOf("kind", TicketEvent.EscalationKind.class));
        };
        envelope.problems.addAll(data.problems);
        if (!envelope.problems.isEmpty()) {
            throw new MalformedEventException(envelope.problems);
        }
        return event;
    }

    /** Null for a malformed event: it is never returned, the collected problems are thrown instead. */
    private static TicketEvent event(UUID id, UUID ticketId, TicketEventType type, long sequence, Instant occurredAt,
            String ticketNumber, String systemId) {
        if (id == null || ticketId == null || occurredAt == null) {
            return TicketEvent.of(NO_ID, NO_ID, type, sequence, Instant.EPOCH, ticketNumber, systemId);
        }
        return TicketEvent.of(id, ticketId, type, sequence, occurredAt, ticketNumber, systemId);
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

        String optionalText(String name) {
            JsonNode field = node == null ? null : node.get(name);
            if (field == null || field.isNull()) {
                return null;
            }
            return text(name);
        }

        <E extends Enum<E>> E oneOf(String name, Class<E> type) {
            String text = text(name);
            if (text == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                problems.add(prefix + name + " must be one of " + Arrays.toString(type.getEnumConstants())
                        + ", was " + text);
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
