package io.supportplatform.ticket.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportplatform.outbox.CloudEvent;
import io.supportplatform.outbox.OutboxEvent;
import io.supportplatform.ticket.domain.DevelopmentEscalation;
import io.supportplatform.ticket.domain.DevelopmentTracking;
import io.supportplatform.ticket.domain.EscalationRequest;
import io.supportplatform.ticket.domain.HotfixStatus;
import io.supportplatform.ticket.domain.PhoneContact;
import io.supportplatform.ticket.domain.Reply;
import io.supportplatform.ticket.domain.Severity;
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

    public OutboxEvent severityChanged(Ticket ticket, Severity from, String reason, String changedBy,
            Instant changedAt) {
        TicketSeverityChanged data = new TicketSeverityChanged(ticket.nextEventSequence(), ticket.getId(),
                ticket.getTicketNumber(), ticket.getSystemId(), from.level(), ticket.getSeverity().level(), reason,
                changedBy, changedAt);
        return outboxEvent(ticket, TicketSeverityChanged.TOPIC, TicketSeverityChanged.TYPE, changedAt, data);
    }

    public OutboxEvent assigned(Ticket ticket, String assignedBy, Instant assignedAt) {
        TicketAssigned data = new TicketAssigned(ticket.nextEventSequence(), ticket.getId(), ticket.getTicketNumber(),
                ticket.getSystemId(), ticket.getAssignee().orElse(null), ticket.getQueue(), assignedBy, assignedAt);
        return outboxEvent(ticket, TicketAssigned.TOPIC, TicketAssigned.TYPE, assignedAt, data);
    }

    public OutboxEvent escalationRequested(Ticket ticket, EscalationRequest request) {
        EscalationRequested data = new EscalationRequested(ticket.nextEventSequence(), ticket.getId(),
                ticket.getTicketNumber(), ticket.getSystemId(), request.getId(), request.getKind().name(),
                request.getMessage().orElse(null), ticket.getSeverity().level(), request.getRequestedBy(),
                request.getRequestedAt());
        return outboxEvent(ticket, EscalationRequested.TOPIC, EscalationRequested.TYPE, request.getRequestedAt(),
                data);
    }

    public OutboxEvent phoneContactLogged(Ticket ticket, PhoneContact call) {
        PhoneContactLogged data = new PhoneContactLogged(ticket.nextEventSequence(), ticket.getId(),
                ticket.getTicketNumber(), ticket.getSystemId(), call.getId(), call.getTier().name(),
                call.getDirection().name(), call.getCalledAt(), call.getContactName(), call.getSummary().orElse(null),
                call.getLoggedBy(), call.getLoggedAt());
        return outboxEvent(ticket, PhoneContactLogged.TOPIC, PhoneContactLogged.TYPE, call.getLoggedAt(), data);
    }

    /** Goes into the same transaction right after the {@code ticket-status-changed} to RESOLVED. */
    public OutboxEvent resolved(Ticket ticket, Optional<String> resolution, List<String> linkedArticleIds,
            String resolvedBy, Instant resolvedAt) {
        TicketResolved data = new TicketResolved(ticket.nextEventSequence(), ticket.getId(), ticket.getTicketNumber(),
                ticket.getSystemId(), ticket.getSeverity().level(), ticket.getSubject(),
                ticket.getDetails().products().stream()
                        .map(product -> new TicketResolved.NameVersion(product.name(), product.version())).toList(),
                ticket.getDetails().platforms().stream()
                        .map(platform -> new TicketResolved.NameVersion(platform.name(), platform.version())).toList(),
                resolution.orElse(null), List.copyOf(linkedArticleIds), resolvedBy, resolvedAt);
        return outboxEvent(ticket, TicketResolved.TOPIC, TicketResolved.TYPE, resolvedAt, data);
    }

    public OutboxEvent developmentEscalated(Ticket ticket, DevelopmentEscalation escalation) {
        TicketDevelopmentEscalated data = new TicketDevelopmentEscalated(ticket.nextEventSequence(), ticket.getId(),
                ticket.getTicketNumber(), ticket.getSystemId(), escalation.getId(), escalation.getRound(),
                escalation.getReason(), escalation.getDevelopmentReference(), escalation.getEscalatedBy(),
                escalation.getEscalatedAt());
        return outboxEvent(ticket, TicketDevelopmentEscalated.TOPIC, TicketDevelopmentEscalated.TYPE,
                escalation.getEscalatedAt(), data);
    }

    public OutboxEvent hotfixStatusChanged(Ticket ticket, Optional<HotfixStatus> from, String changedBy,
            Instant changedAt) {
        DevelopmentTracking fix = ticket.getDevelopment();
        HotfixStatusChanged data = new HotfixStatusChanged(ticket.nextEventSequence(), ticket.getId(),
                ticket.getTicketNumber(), ticket.getSystemId(), from.map(Enum::name).orElse(null),
                fix.getHotfixStatus().map(Enum::name).orElseThrow(), fix.getEstimatedFixDate().orElse(null),
                fix.getHotfixVersion().orElse(null), changedBy, changedAt);
        return outboxEvent(ticket, HotfixStatusChanged.TOPIC, HotfixStatusChanged.TYPE, changedAt, data);
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
