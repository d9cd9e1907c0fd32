package io.supportplatform.sla.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One ticket event as the SLA service keeps it: the facts that drive clocks, in the service's own
 * words (services share no domain code). {@code occurredAt} is when it happened in the ticket's
 * life (for a phone contact: when the call took place), {@code sequence} the producer's per-ticket
 * order for events at the same instant. Fields an event type does not carry are null:
 *
 * <ul>
 *   <li>{@code severity}: ticket-created; the new severity of ticket-severity-changed; the current one of
 *       escalation-requested</li>
 *   <li>{@code status}: ticket-created (NEW) and the new status of ticket-status-changed, whose old one is
 *       {@code previousStatus}</li>
 *   <li>{@code region}: ticket-created, when the filing named one</li>
 *   <li>{@code visibility}: agent-replied</li>
 *   <li>{@code tier}, {@code direction}: phone-contact-logged</li>
 *   <li>{@code escalationKind}: escalation-requested (P13.3)</li>
 * </ul>
 */
public record TicketEvent(
        UUID id,
        UUID ticketId,
        TicketEventType type,
        long sequence,
        Instant occurredAt,
        String ticketNumber,
        String systemId,
        Severity severity,
        TicketStatus status,
        TicketStatus previousStatus,
        String region,
        Visibility visibility,
        PhoneTier tier,
        CallDirection direction,
        EscalationKind escalationKind) {

    public enum Visibility { PUBLIC, INTERNAL }

    public enum PhoneTier { TIER1, TIER2 }

    /** Only outbound calls carry a service level (P4.1, P4.3). */
    public enum CallDirection { OUTBOUND, INBOUND }

    /** P13.3: the customer asks for an update, or for a further escalation. */
    public enum EscalationKind { UPDATE, ESCALATION }

    public TicketEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** An event with only the fields every ticket event carries; add the rest with the {@code with...} methods. */
    public static TicketEvent of(UUID id, UUID ticketId, TicketEventType type, long sequence, Instant occurredAt,
            String ticketNumber, String systemId) {
        return new TicketEvent(id, ticketId, type, sequence, occurredAt, ticketNumber, systemId, null, null, null,
                null, null, null, null, null);
    }

    public TicketEvent withSeverity(Severity newSeverity) {
        return new TicketEvent(id, ticketId, type, sequence, occurredAt, ticketNumber, systemId, newSeverity, status,
                previousStatus, region, visibility, tier, direction, escalationKind);
    }

    public TicketEvent withStatus(TicketStatus from, TicketStatus to) {
        return new TicketEvent(id, ticketId, type, sequence, occurredAt, ticketNumber, systemId, severity, to, from,
                region, visibility, tier, direction, escalationKind);
    }

    public TicketEvent withRegion(String newRegion) {
        return new TicketEvent(id, ticketId, type, sequence, occurredAt, ticketNumber, systemId, severity, status,
                previousStatus, newRegion, visibility, tier, direction, escalationKind);
    }

    public TicketEvent withVisibility(Visibility newVisibility) {
        return new TicketEvent(id, ticketId, type, sequence, occurredAt, ticketNumber, systemId, severity, status,
                previousStatus, region, newVisibility, tier, direction, escalationKind);
    }

    public TicketEvent withCall(PhoneTier newTier, CallDirection newDirection) {
        return new TicketEvent(id, ticketId, type, sequence, occurredAt, ticketNumber, systemId, severity, status,
                previousStatus, region, visibility, newTier, newDirection, escalationKind);
    }

    public TicketEvent withEscalationKind(EscalationKind kind) {
        return new TicketEvent(id, ticketId, type, sequence, occurredAt, ticketNumber, systemId, severity, status,
                previousStatus, region, visibility, tier, direction, kind);
    }
}
