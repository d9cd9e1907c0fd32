package io.supportplatform.ticket.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code io.supportplatform.ticket-assigned.v1} (deploy/contracts/ticket-assigned.v1.schema.json):
 * the ticket's queue or assignee changed; {@code assignee} is null when nobody works it.
 */
public record TicketAssigned(long sequence, UUID ticketId, String ticketNumber, String systemId, String assignee,
        String queue, String assignedBy, Instant assignedAt) {

    public static final String TOPIC = "ticket-assigned";
    public static final String TYPE = "io.supportplatform.ticket-assigned.v1";
}
