package io.supportplatform.ticket.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code io.supportplatform.ticket-status-changed.v1}
 * (deploy/contracts/ticket-status-changed.v1.schema.json). {@code reason} is null when none was given.
 */
public record TicketStatusChanged(long sequence, UUID ticketId, String ticketNumber, String systemId, String from,
        String to, String reason, String changedBy, Instant changedAt) {

    public static final String TOPIC = "ticket-status-changed";
    public static final String TYPE = "io.supportplatform.ticket-status-changed.v1";
}
