package io.supportplatform.sla.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.supportplatform.cloudevents.EventEnvelope;
import io.supportplatform.cloudevents.EventFields;
import io.supportplatform.cloudevents.MalformedEventException;
import io.supportplatform.sla.domain.Severity;
import io.supportplatform.sla.domain.TicketEvent;
import io.supportplatform.sla.domain.TicketEventType;
import io.supportplatform.sla.domain.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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
        EventEnvelope envelope = EventFields.envelope(json, value, List.of(type.cloudEventType()));
        UUID id = envelope.id();
        String subject = envelope.text("subject");
        EventFields data = envelope.object("data");
        UUID ticketId = data.uuid("ticketId");
        if (ticketId != null && subject != null && !subject.equals(ticketId.toString())) {
            envelope.problem("subject must be the ticket id " + ticketId);
        }
        long sequence = data.positiveLong("sequence");
        String ticketNumber = data.text("ticketNumber");
        String systemId = data.matching("systemId", SYSTEM_ID);
        TicketEvent event = switch (type) {
            case TICKET_CREATED -> event(id, ticketId, type, sequence, data.instant("createdAt"), ticketNumber, systemId)
                    .withSeverity(severity(data, "severity"))
                    .withStatus(null, data.oneOf("status", TicketStatus.class))
                    .withRegion(data.optionalNonBlankText("region"));
            case CUSTOMER_REPLIED -> event(id, ticketId, type, sequence, data.instant("postedAt"), ticketNumber, systemId);
            case AGENT_REPLIED -> event(id, ticketId, type, sequence, data.instant("postedAt"), ticketNumber, systemId)
                    .withVisibility(data.oneOf("visibility", TicketEvent.Visibility.class));
            case TICKET_STATUS_CHANGED -> event(id, ticketId, type, sequence, data.instant("changedAt"), ticketNumber,
                    systemId).withStatus(data.oneOf("from", TicketStatus.class), data.oneOf("to", TicketStatus.class));
            case TICKET_SEVERITY_CHANGED -> {
                severity(data, "from");
                yield event(id, ticketId, type, sequence, data.instant("changedAt"), ticketNumber, systemId)
                        .withSeverity(severity(data, "to"));
            }
            case PHONE_CONTACT_LOGGED -> event(id, ticketId, type, sequence, data.instant("calledAt"), ticketNumber,
                    systemId).withCall(data.oneOf("tier", TicketEvent.PhoneTier.class),
                    data.oneOf("direction", TicketEvent.CallDirection.class));
            case ESCALATION_REQUESTED -> event(id, ticketId, type, sequence, data.instant("requestedAt"), ticketNumber,
                    systemId).withSeverity(severity(data, "severity"))
                    .withEscalationKind(data.oneOf("kind", TicketEvent.EscalationKind.class));
        };
        envelope.check();
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

    /** Severity levels 1 (critical) to 4 (P8); null for anything else (a problem then). */
    private static Severity severity(EventFields data, String name) {
        Integer level = data.integerIn(name, 1, 4);
        return level == null ? null : Severity.ofLevel(level);
    }
}
