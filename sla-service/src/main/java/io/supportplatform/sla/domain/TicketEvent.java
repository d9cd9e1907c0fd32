package io.supportplatform.sla.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One ticket event as the SLA service keeps it: the facts that drive clocks, in the service's own
 * words (services share no domain code). {@code occurredAt} is when it happened in the ticket's
 * life, {@code sequence} the producer's per-ticket order for events at the same instant.
 * Fields an event type does not carry are null.
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
        String status) {

    public TicketEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
