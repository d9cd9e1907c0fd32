package io.supportplatform.ticket.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportplatform.ticket.domain.Ticket;

/** Turns what happened to a ticket into outbox rows carrying complete CloudEvents. */
@ApplicationScoped
public class TicketEvents {

    private final ObjectMapper objectMapper;

    public TicketEvents(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public OutboxEvent ticketCreated(Ticket ticket) {
        TicketCreated data = new TicketCreated(ticket.nextEventSequence(), ticket.getId(), ticket.getTicketNumber(),
                ticket.getSystemId(), ticket.getSeverity().level(), ticket.getSubject(), ticket.getStatus().name(),
                ticket.getCreatedBy(), ticket.getCreatedAt());
        return outboxEvent(ticket, TicketCreated.TOPIC, TicketCreated.TYPE, ticket.getCreatedAt(), data);
    }

    private OutboxEvent outboxEvent(Ticket ticket, String topic, String type, Instant time, Object data) {
        UUID eventId = UUID.randomUUID();
        CloudEvent<Object> event = CloudEvent.of(eventId, type, time, ticket.getId().toString(), data);
        try {
            return new OutboxEvent(eventId, ticket.getId(), topic, type, objectMapper.writeValueAsString(event), time);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + type + " of ticket " + ticket.getId(), e);
        }
    }
}
