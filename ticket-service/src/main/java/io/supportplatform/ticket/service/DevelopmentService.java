package io.supportplatform.ticket.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportplatform.outbox.OutboxRelay;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.ticket.domain.DevelopmentEscalation;
import io.supportplatform.ticket.domain.HotfixStatus;
import io.supportplatform.ticket.domain.Requester;
import io.supportplatform.ticket.domain.Ticket;
import io.supportplatform.ticket.domain.TicketStatus;
import io.supportplatform.ticket.messaging.TicketEvents;
import io.supportplatform.ticket.repository.DevelopmentEscalationRepository;

/** Escalation to development (P10) and the hotfix that follows (P11), by support. */
@ApplicationScoped
public class DevelopmentService {

    private final TicketAccess access;
    private final DevelopmentEscalationRepository escalations;
    private final TicketEvents events;
    private final OutboxRelay relay;

    public DevelopmentService(TicketAccess access, DevelopmentEscalationRepository escalations,
            TicketEvents events, OutboxRelay relay) {
        this.access = access;
        this.escalations = escalations;
        this.events = events;
        this.relay = relay;
    }

    /**
     * Records the next round of escalation to development (P10.1: several rounds may be needed) and publishes
     * {@code ticket-development-escalated}. A resolved or closed ticket is not escalated (409): reopen it first.
     */
    public Uni<DevelopmentEscalation> escalate(String id, String reason, String developmentReference,
            Requester requester) {
        Instant now = TicketAccess.now();
        return Panache.withTransaction(() -> access.lockVisible(id, requester).flatMap(ticket -> {
            if (ticket.getStatus() == TicketStatus.RESOLVED || ticket.getStatus() == TicketStatus.CLOSED) {
                throw ProblemException.conflict("Ticket " + ticket.getTicketNumber() + " is " + ticket.getStatus()
                        + "; reopen it before escalating it to development.");
            }
            int round = ticket.escalateToDevelopment(now);
            DevelopmentEscalation escalation = new DevelopmentEscalation(ticket.getId(), round, reason,
                    developmentReference, requester.username(), now);
            return escalations.persist(escalation)
                    .call(() -> events.write(events.developmentEscalated(ticket, escalation)));
        })).invoke(relay::nudge);
    }

    @WithSession
    public Uni<List<DevelopmentEscalation>> rounds(String id, Requester requester) {
        return access.findVisible(id, requester).flatMap(ticket -> escalations.of(ticket.getId()));
    }

    /**
     * P11.1: tells the customer when the fix is expected (status PLANNED). Only for a ticket escalated to
     * development, before a hotfix is out or after its verification failed; the date may not lie in the past.
     * The same date again changes nothing.
     */
    public Uni<Ticket> estimateFix(String id, LocalDate date, Requester requester) {
        Instant now = TicketAccess.now();
        if (date.isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            return Uni.createFrom().failure(ProblemException.badRequest("estimatedFixDate", "FutureOrPresent",
                    "must be today or later"));
        }
        return Panache.withTransaction(() -> access.lockVisible(id, requester).flatMap(ticket -> {
            Optional<HotfixStatus> from = escalatedAndOpen(ticket);
            if (from.isPresent() && !from.get().mayEstimate()) {
                throw wrongHotfixStatus(ticket, from.get(), "give a new estimated fix date");
            }
            if (from.equals(Optional.of(HotfixStatus.PLANNED))
                    && ticket.getDevelopment().getEstimatedFixDate().equals(Optional.of(date))) {
                return Uni.createFrom().item(ticket);
            }
            ticket.estimateFix(date, now);
            return published(ticket, from, requester, now);
        })).invoke(relay::nudge);
    }

    /** P11.2: the hotfix was released; again after a failed verification, never twice in a row. */
    public Uni<Ticket> releaseHotfix(String id, String hotfixVersion, Requester requester) {
        Instant now = TicketAccess.now();
        return Panache.withTransaction(() -> access.lockVisible(id, requester).flatMap(ticket -> {
            Optional<HotfixStatus> from = escalatedAndOpen(ticket);
            if (from.isPresent() && !from.get().mayRelease()) {
                throw wrongHotfixStatus(ticket, from.get(), "release a hotfix");
            }
            ticket.releaseHotfix(hotfixVersion, now);
            return published(ticket, from, requester, now);
        })).invoke(relay::nudge);
    }

    /** P11.2: development verified the released hotfix after release, or found it failing. */
    public Uni<Ticket> verifyHotfix(String id, boolean passed, Requester requester) {
        Instant now = TicketAccess.now();
        return Panache.withTransaction(() -> access.lockVisible(id, requester).flatMap(ticket -> {
            Optional<HotfixStatus> from = escalatedAndOpen(ticket);
            if (!from.equals(Optional.of(HotfixStatus.RELEASED))) {
                throw ProblemException.conflict("Ticket " + ticket.getTicketNumber() + " has no released hotfix "
                        + "awaiting verification (hotfix status " + from.map(Enum::name).orElse("none") + ").");
            }
            ticket.verifyHotfix(passed, now);
            return published(ticket, from, requester, now);
        })).invoke(relay::nudge);
    }

    private Uni<Ticket> published(Ticket ticket, Optional<HotfixStatus> from, Requester requester, Instant now) {
        return events.write(events.hotfixStatusChanged(ticket, from, requester.username(), now))
                .replaceWith(ticket);
    }

    /** The current hotfix status of a ticket that went to development and is not closed. */
    private static Optional<HotfixStatus> escalatedAndOpen(Ticket ticket) {
        TicketAccess.refuseWhenClosed(ticket, "tracked");
        if (!ticket.getDevelopment().isEscalated()) {
            throw ProblemException.conflict("Ticket " + ticket.getTicketNumber() + " was not escalated to "
                    + "development; hotfixes are tracked for escalated tickets only (P10, P11).");
        }
        return ticket.getDevelopment().getHotfixStatus();
    }

    private static ProblemException wrongHotfixStatus(Ticket ticket, HotfixStatus status, String what) {
        return ProblemException.conflict("Ticket " + ticket.getTicketNumber() + "'s hotfix is " + status
                + "; cannot " + what + " now.");
    }
}
