package io.supportplatform.ticket.messaging;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportplatform.outbox.CloudEvent;
import io.supportplatform.outbox.OutboxEvent;
import io.supportplatform.ticket.domain.Reply;
import io.supportplatform.ticket.domain.Ticket;
import io.supportplatform.ticket.domain.TicketStatus;

/** Turns what happened to a ticket into outbox rows carrying complete CloudEvents. */
@ApplicationScoped
public class TicketEvents {

    static final String SOURCE = "/ticket-service";

    private final ObjectMapper objectMapper;

    public TicketEvents(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public OutboxEvent ticketCreated(Ticket ticket) {
        TicketCreated data = new TicketCreated(ticket.nextEventSequence(), ticket.getId(), ticket.getTicketNumber(),
                ticket.getSystemId(), ticket.getSeverity().level(), ticket.getSubject(), ticket.getStatus().name(),
                ticket.getCreatedBy(), ticket.getCreatedAt(), ticket.getDetails().channel().name(),
                ticket.getDetails().region().orElse(null), ticket.getIntake().eligibilityFlags(),
                ticket.getIntake().suggestedArticleIds());
        return outboxEvent(ticket, TicketCreated.TOPIC, TicketCreated.TYPE, ticket.getCreatedAt(), data);
    }

    public OutboxEvent customerReplied(Ticket ticket, Reply reply) {
        CustomerReplied data = new CustomerReplied(ticket.nextEventSequence(), ticket.getId(), ticket.getTicketNumber(),
                ticket.getSystemId(), reply.getId(), reply.getAuthor(), reply.getBody(), reply.getPostedAt());
        return outboxEvent(ticket, CustomerReplied.TOPIC, CustomerReplied.TYPE, reply.getPostedAt(), data);
    }

    public OutboxEvent agentReplied(Ticket ticket, Reply reply) {
        AgentReplied data = new AgentReplied(ticket.nextEventSequence(), ticket.getId(), ticket.getTicketNumber(),
                ticket.getSystemId(), reply.getId(), reply.getAuthor(), reply.getVisibility().name(), reply.getBody(),
                reply.getPostedAt());
        return outboxEvent(ticket, AgentReplied.TOPIC, AgentReplied.TYPE, reply.getPostedAt(), data);
    }

    public OutboxEvent statusChanged(Ticket ticket, TicketStatus from, Optional<String> reason, String changedBy,
            Instant changedAt) {
        TicketStatusChanged data = new TicketStatusChanged(ticket.nextEventSequence(), ticket.getId(),
                ticket.getTicketNumber(), ticket.getSystemId(), from.name(), ticket.getStatus().name(),
                reason.orElse(null), changedBy, changedAt);
        return outboxEvent(ticket, TicketStatusChanged.TOPIC, TicketStatusChanged.TYPE, changedAt, data);
    }

    private OutboxEvent outboxEvent(Ticket ticket, String topic, String type, Instant time, Object data) {
        UUID eventId = UUID.randomUUID();
        CloudEvent<Object> event = CloudEvent.of(eventId, type, SOURCE, time, ticket.getId().toString(), data);
        try {
            return new OutboxEvent(eventId, ticket.getId().toString(), topic, type, objectMapper.writeValueAsString(event), time);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + type + " of ticket " + ticket.getId(), e);
        }
    }
}
