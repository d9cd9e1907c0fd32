package io.supportplatform.ticket.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code io.supportplatform.ticket-development-escalated.v1}
 * (deploy/contracts/ticket-development-escalated.v1.schema.json): support escalated the ticket to development
 * (P10.1), round 1, 2, ... Reason and development reference are internal: never shown to the customer.
 */
public record TicketDevelopmentEscalated(long sequence, UUID ticketId, String ticketNumber, String systemId,
        UUID escalationId, int round, String reason, String developmentReference, String escalatedBy,
        Instant escalatedAt) {

    public static final String TOPIC = "ticket-development-escalated";
    public static final String TYPE = "io.supportplatform.ticket-development-escalated.v1";
}
