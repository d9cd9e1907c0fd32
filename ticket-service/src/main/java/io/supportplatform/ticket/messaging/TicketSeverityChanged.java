package io.supportplatform.ticket.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code io.supportplatform.ticket-severity-changed.v1}
 * (deploy/contracts/ticket-severity-changed.v1.schema.json): support re-rated the ticket (P8) with a reason.
 */
public record TicketSeverityChanged(long sequence, UUID ticketId, String ticketNumber, String systemId, int from,
        int to, String reason, String changedBy, Instant changedAt) {

    public static final String TOPIC = "ticket-severity-changed";
    public static final String TYPE = "io.supportplatform.ticket-severity-changed.v1";
}
