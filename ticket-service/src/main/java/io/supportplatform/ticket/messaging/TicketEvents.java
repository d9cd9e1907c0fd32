package io.supportplatform.ticket.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

import io.supportplatform.outbox.CloudEvent;
import io.supportplatform.outbox.OutboxEvent;
import io.supportplatform.outbox.OutboxRepository;
import io.supportplatform.ticket.domain.DevelopmentEscalation;
import io.supportplatform.ticket.domain.DevelopmentTracking;
import io.supportplatform.ticket.domain.EscalationRequest;
import io.supportplatform.ticket.domain.HotfixStatus;
import io.supportplatform.ticket.domain.PhoneContact;
import io.supportplatform.ticket.domain.Reply;
import io.supportplatform.ticket.domain.Severity;
import io.supportplatform.ticket.domain.Ticket;
import io.supportplatform.ticket.domain.TicketStatus;
import io.supportplatform.ticket.repository.HistoryRepository;

/**
 * Turns what happened to a ticket into outbox rows carrying complete CloudEvents, and writes them together with
 * the ticket's history entries (who, when), so every published state change is in the history.
 */
@ApplicationScoped
public class TicketEvents {

    static final String SOURCE = "/ticket-service";

    private final ObjectMapper objectMapper;
    private final OutboxRepository outbox;
    private final HistoryRepository history;

    public TicketEvents(ObjectMapper objectMapper, OutboxRepository outbox, HistoryRepository history) {
        this.objectMapper = objectMapper;
        this.outbox = outbox;
        this.history = history;
    }

    public TicketEvent ticketCreated(Ticket ticket) {
        TicketCreated data = new TicketCreated(ticket.nextEventSequence(), ticket.getId(), ticket.getTicketNumber(),
                ticket.getSystemId(), ticket.getSeverity().level(), ticket.getSubject(), ticket.getStatus().name(),
                ticket.getCreatedBy(), ticket.getCreatedAt(), ticket.getDetails().channel().name(),
                ticket.getDetails().region().orElse(null), ticket.getIntake().eligibilityFlags(),
                ticket.getIntake().suggestedArticleIds());
        return outboxEvent(ticket, TicketCreated.TOPIC, TicketCreated.TYPE, ticket.getCreatedAt(), ticket.getCreatedBy(), data);
    }

    public TicketEvent customerReplied(Ticket ticket, Reply reply) {
        CustomerReplied data = new CustomerReplied(ticket.nextEventSequence(), ticket.getId(), ticket.getTicketNumber(),
                ticket.getSystemId(), reply.getId(), reply.getAuthor(), reply.getBody(), reply.getPostedAt());
        return outboxEvent(ticket, CustomerReplied.TOPIC, CustomerReplied.TYPE, reply.getPostedAt(), reply.getAuthor(), data);
    }

    public TicketEvent agentReplied(Ticket ticket, Reply reply) {
        AgentReplied data = new AgentReplied(ticket.nextEventSequence(), ticket.getId(), ticket.getTicketNumber(),
                ticket.getSystemId(), reply.getId(), reply.getAuthor(), reply.getVisibility().name(), reply.getBody(),
                reply.getPostedAt());
        return outboxEvent(ticket, AgentReplied.TOPIC, AgentReplied.TYPE, reply.getPostedAt(), reply.getAuthor(), data);
    }

    public TicketEvent statusChanged(Ticket ticket, TicketStatus from, Optional<String> reason, String changedBy,
            Instant changedAt) {
        TicketStatusChanged data = new TicketStatusChanged(ticket.nextEventSequence(), ticket.getId(),
                ticket.getTicketNumber(), ticket.getSystemId(), from.name(), ticket.getStatus().name(),
                reason.orElse(null), changedBy, changedAt);
        return outboxEvent(ticket, TicketStatusChanged.TOPIC, TicketStatusChanged.TYPE, changedAt, changedBy, data);
    }

    public TicketEvent severityChanged(Ticket ticket, Severity from, String reason, String changedBy,
            Instant changedAt) {
        TicketSeverityChanged data = new TicketSeverityChanged(ticket.nextEventSequence(), ticket.getId(),
                ticket.getTicketNumber(), ticket.getSystemId(), from.level(), ticket.getSeverity().level(), reason,
                changedBy, changedAt);
        return outboxEvent(ticket, TicketSeverityChanged.TOPIC, TicketSeverityChanged.TYPE, changedAt, changedBy, data);
    }

    public TicketEvent assigned(Ticket ticket, String assignedBy, Instant assignedAt) {
        TicketAssigned data = new TicketAssigned(ticket.nextEventSequence(), ticket.getId(), ticket.getTicketNumber(),
                ticket.getSystemId(), ticket.getAssignee().orElse(null), ticket.getQueue(), assignedBy, assignedAt);
        return outboxEvent(ticket, TicketAssigned.TOPIC, TicketAssigned.TYPE, assignedAt, assignedBy, data);
    }

    public TicketEvent escalationRequested(Ticket ticket, EscalationRequest request) {
        EscalationRequested data = new EscalationRequested(ticket.nextEventSequence(), ticket.getId(),
                ticket.getTicketNumber(), ticket.getSystemId(), request.getId(), request.getKind().name(),
                request.getMessage().orElse(null), ticket.getSeverity().level(), request.getRequestedBy(),
                request.getRequestedAt());
        return outboxEvent(ticket, EscalationRequested.TOPIC, EscalationRequested.TYPE, request.getRequestedAt(),
                request.getRequestedBy(), data);
    }

    public TicketEvent phoneContactLogged(Ticket ticket, PhoneContact call) {
        PhoneContactLogged data = new PhoneContactLogged(ticket.nextEventSequence(), ticket.getId(),
                ticket.getTicketNumber(), ticket.getSystemId(), call.getId(), call.getTier().name(),
                call.getDirection().name(), call.getCalledAt(), call.getContactName(), call.getSummary().orElse(null),
                call.getLoggedBy(), call.getLoggedAt());
        return outboxEvent(ticket, PhoneContactLogged.TOPIC, PhoneContactLogged.TYPE, call.getLoggedAt(), call.getLoggedBy(), data);
    }

    /** Goes into the same transaction right after the {@code ticket-status-changed} to RESOLVED. */
    public TicketEvent resolved(Ticket ticket, Optional<String> resolution, List<String> linkedArticleIds,
            String resolvedBy, Instant resolvedAt) {
        TicketResolved data = new TicketResolved(ticket.nextEventSequence(), ticket.getId(), ticket.getTicketNumber(),
                ticket.getSystemId(), ticket.getSeverity().level(), ticket.getSubject(),
                ticket.getDetails().products().stream()
                        .map(product -> new TicketResolved.NameVersion(product.name(), product.version())).toList(),
                ticket.getDetails().platforms().stream()
                        .map(platform -> new TicketResolved.NameVersion(platform.name(), platform.version())).toList(),
                resolution.orElse(null), List.copyOf(linkedArticleIds), resolvedBy, resolvedAt);
        return outboxEvent(ticket, TicketResolved.TOPIC, TicketResolved.TYPE, resolvedAt, resolvedBy, data);
    }

    public TicketEvent developmentEscalated(Ticket ticket, DevelopmentEscalation escalation) {
        TicketDevelopmentEscalated data = new TicketDevelopmentEscalated(ticket.nextEventSequence(), ticket.getId(),
                ticket.getTicketNumber(), ticket.getSystemId(), escalation.getId(), escalation.getRound(),
                escalation.getReason(), escalation.getDevelopmentReference(), escalation.getEscalatedBy(),
                escalation.getEscalatedAt());
        return outboxEvent(ticket, TicketDevelopmentEscalated.TOPIC, TicketDevelopmentEscalated.TYPE,
                escalation.getEscalatedAt(), escalation.getEscalatedBy(), data);
    }

    public TicketEvent hotfixStatusChanged(Ticket ticket, Optional<HotfixStatus> from, String changedBy,
            Instant changedAt) {
        DevelopmentTracking fix = ticket.getDevelopment();
        HotfixStatusChanged data = new HotfixStatusChanged(ticket.nextEventSequence(), ticket.getId(),
                ticket.getTicketNumber(), ticket.getSystemId(), from.map(Enum::name).orElse(null),
                fix.getHotfixStatus().map(Enum::name).orElseThrow(), fix.getEstimatedFixDate().orElse(null),
                fix.getHotfixVersion().orElse(null), changedBy, changedAt);
        return outboxEvent(ticket, HotfixStatusChanged.TOPIC, HotfixStatusChanged.TYPE, changedAt, changedBy, data);
    }

    /**
     * Writes the events' outbox rows and their history entries (issue 3, item 9), in the caller's transaction and
     * in the given order.
     */
    public Uni<Void> write(List<TicketEvent> written) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (TicketEvent event : written) {
            chain = chain.call(() -> write(event));
        }
        return chain;
    }

    /** Writes the event's outbox row and its history entry, in the caller's transaction. */
    public Uni<Void> write(TicketEvent event) {
        OutboxEvent row = event.row();
        return outbox.persist(row).call(() -> history.append(row.getId(), event.ticketId(), event.sequence(),
                row.getTopic(), event.actor(), row.getCreatedAt(), row.getPayload())).replaceWithVoid();
    }

    /** The event of the ticket's latest sequence (drawn by the caller via {@link Ticket#nextEventSequence()}). */
    private TicketEvent outboxEvent(Ticket ticket, String topic, String type, Instant time, String actor, Object data) {
        UUID eventId = UUID.randomUUID();
        CloudEvent<Object> event = CloudEvent.of(eventId, type, SOURCE, time, ticket.getId().toString(), data);
        try {
            OutboxEvent row = new OutboxEvent(eventId, ticket.getId().toString(), topic, type,
                    objectMapper.writeValueAsString(event), time);
            return new TicketEvent(row, ticket.getId(), ticket.getLastEventSequence(), actor);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + type + " of ticket " + ticket.getId(), e);
        }
    }
}
