package io.supportplatform.ticket.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportplatform.outbox.OutboxRelay;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.ticket.config.WorkConfig;
import io.supportplatform.ticket.domain.LinkedArticle;
import io.supportplatform.ticket.domain.Requester;
import io.supportplatform.ticket.domain.Severity;
import io.supportplatform.ticket.domain.Ticket;
import io.supportplatform.ticket.domain.TicketStatus;
import io.supportplatform.ticket.messaging.TicketEvents;
import io.supportplatform.ticket.repository.LinkedArticleRepository;

/** Support working a ticket: queue and assignee, severity (P8), linked knowledge-base articles. */
@ApplicationScoped
public class TicketWorkService {

    private final TicketAccess access;
    private final LinkedArticleRepository articles;
    private final TicketEvents events;
    private final OutboxRelay relay;
    private final WorkConfig config;

    public TicketWorkService(TicketAccess access, LinkedArticleRepository articles, TicketEvents events,
            OutboxRelay relay, WorkConfig config) {
        this.access = access;
        this.articles = articles;
        this.events = events;
        this.relay = relay;
        this.config = config;
    }

    /**
     * Puts the ticket into a queue and hands it to a support user, or to nobody. Agents take tickets (assign
     * themselves) or give them back; handing a ticket to someone else is for supervisors. Nothing changing is
     * a no-op without event; a change publishes {@code ticket-assigned}.
     */
    public Uni<Ticket> assign(String id, String queue, Optional<String> assignee, boolean mayAssignOthers,
            Requester requester) {
        if (!config.queues().contains(queue)) {
            return Uni.createFrom().failure(ProblemException.badRequest("queue", "Queue",
                    "must be one of " + String.join(", ", config.queues())));
        }
        if (assignee.isPresent() && !assignee.get().equals(requester.username()) && !mayAssignOthers) {
            return Uni.createFrom().failure(ProblemException.forbidden(
                    "Agents assign tickets to themselves; assigning them to others is for supervisors."));
        }
        Instant now = TicketAccess.now();
        return Panache.withTransaction(() -> access.lockVisible(id, requester).flatMap(ticket -> {
            TicketAccess.refuseWhenClosed(ticket, "reassigned");
            if (!ticket.assign(queue, assignee, now)) {
                return Uni.createFrom().item(ticket);
            }
            return events.write(events.assigned(ticket, requester.username(), now)).replaceWith(ticket);
        })).invoke(relay::nudge);
    }

    /**
     * Re-rates the ticket (P8) with a mandatory reason and publishes {@code ticket-severity-changed}, so SLA
     * clocks re-target. A resolved or closed ticket keeps its severity, and "changing" to the current severity
     * is refused: both 409, so a client never believes it changed something it did not.
     */
    public Uni<Ticket> changeSeverity(String id, int level, String reason, Requester requester) {
        Severity target = Severity.ofLevel(level);
        Instant now = TicketAccess.now();
        return Panache.withTransaction(() -> access.lockVisible(id, requester).flatMap(ticket -> {
            if (ticket.getStatus() == TicketStatus.RESOLVED || ticket.getStatus() == TicketStatus.CLOSED) {
                throw ProblemException.conflict("Ticket " + ticket.getTicketNumber() + " is " + ticket.getStatus()
                        + "; its severity no longer changes. Reopen it first.");
            }
            if (ticket.getSeverity() == target) {
                throw ProblemException.conflict("Ticket " + ticket.getTicketNumber() + " already has severity "
                        + level + ".");
            }
            Severity from = ticket.changeSeverity(target, now);
            return events.write(events.severityChanged(ticket, from, reason, requester.username(), now))
                    .replaceWith(ticket);
        })).invoke(relay::nudge);
    }

    /**
     * Links a knowledge-base article; linking it again changes nothing. The link itself publishes no event: the
     * links travel in {@code ticket-resolved}.
     *
     * @return the link, and whether it is new
     */
    public Uni<Linked> linkArticle(String id, String articleId, Requester requester) {
        Instant now = TicketAccess.now();
        return Panache.withTransaction(() -> access.lockVisible(id, requester).flatMap(ticket -> {
            TicketAccess.refuseWhenClosed(ticket, "changed");
            return articles.find(ticket.getId(), articleId).flatMap(existing -> existing != null
                    ? Uni.createFrom().item(new Linked(existing, false))
                    : articles.persist(new LinkedArticle(ticket.getId(), articleId, requester.username(), now))
                            .map(link -> new Linked(link, true)));
        }));
    }

    public Uni<Void> unlinkArticle(String id, String articleId, Requester requester) {
        return Panache.withTransaction(() -> access.lockVisible(id, requester).flatMap(ticket -> {
            TicketAccess.refuseWhenClosed(ticket, "changed");
            return articles.find(ticket.getId(), articleId).flatMap(existing -> {
                if (existing == null) {
                    throw ProblemException.notFound("Article " + articleId + " is not linked to ticket "
                            + ticket.getTicketNumber() + ".");
                }
                return articles.delete(existing);
            });
        }));
    }

    @WithSession
    public Uni<List<LinkedArticle>> linkedArticles(String id, Requester requester) {
        return access.findVisible(id, requester).flatMap(ticket -> articles.of(ticket.getId()));
    }

    /** A linked article and whether this request linked it. */
    public record Linked(LinkedArticle article, boolean created) {
    }
}
