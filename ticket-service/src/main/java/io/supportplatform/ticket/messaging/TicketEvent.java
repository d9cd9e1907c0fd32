package io.supportplatform.ticket.messaging;

import java.util.UUID;

import io.supportplatform.outbox.OutboxEvent;

/**
 * One event about a ticket, ready to be written ({@link TicketEvents#write}): its outbox row and what the ticket's
 * history records besides the event itself.
 *
 * @param sequence the event's per-ticket sequence number (data.sequence)
 * @param actor who made the change (the event's createdBy, author, changedBy...)
 */
public record TicketEvent(OutboxEvent row, UUID ticketId, long sequence, String actor) {
}
