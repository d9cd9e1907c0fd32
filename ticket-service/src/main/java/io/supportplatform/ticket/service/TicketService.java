package io.supportplatform.ticket.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportplatform.outbox.OutboxRelay;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.ticket.domain.AuthorRole;
import io.supportplatform.ticket.domain.Intake;
import io.supportplatform.ticket.domain.LinkedArticle;
import io.supportplatform.ticket.domain.Reply;
import io.supportplatform.ticket.domain.ReplyVisibility;
import io.supportplatform.ticket.domain.Requester;
import io.supportplatform.ticket.domain.Severity;
import io.supportplatform.ticket.domain.Ticket;
import io.supportplatform.ticket.domain.TicketNumber;
import io.supportplatform.ticket.domain.TicketStatus;
import io.supportplatform.ticket.messaging.TicketEvent;
import io.supportplatform.ticket.messaging.TicketEvents;
import io.supportplatform.ticket.repository.LinkedArticleRepository;
import io.supportplatform.ticket.repository.ReplyRepository;
import io.supportplatform.ticket.repository.TicketRepository;

@ApplicationScoped
public class TicketService {

    /** The reason recorded when a customer's reply ends the wait for them (P9.3). */
    static final String CUSTOMER_REPLIED_REASON = "The customer replied (P9.3)";

    private final TicketRepository tickets;
    private final ReplyRepository replies;
    private final TicketEvents events;
    private final OutboxRelay relay;
    private final LinkedArticleRepository articles;
    private final AuthorizedContacts contacts;
    private final EligibilityCheck eligibility;
    private final TicketAccess access;

    public TicketService(TicketRepository tickets, ReplyRepository replies, TicketEvents events, OutboxRelay relay,
            LinkedArticleRepository articles, AuthorizedContacts contacts, EligibilityCheck eligibility,
            TicketAccess access) {
        this.tickets = tickets;
        this.replies = replies;
        this.events = events;
        this.relay = relay;
        this.articles = articles;
        this.contacts = contacts;
        this.eligibility = eligibility;
        this.access = access;
    }

    /**
     * Files a ticket (P2.2): assigns its ticket number (P6.1) and writes the ticket and its
     * {@code ticket-created} event in one transaction, then nudges the relay to publish the event.
     * A customer files only for the account in their token, and only as its active authorized contact
     * (P12.1, {@link AuthorizedContacts}); support staff file on any customer's behalf.
     */
    public Uni<Ticket> file(NewTicket request, Requester requester) {
        return file(request, FilingExtras.NONE, requester);
    }

    /**
     * Files a ticket with what came besides the P5 items. The filing is checked against the product catalogue
     * and accepted either way; what is found is recorded as eligibility flags (P5.c, P14.e, P15.f, P15.g).
     */
    public Uni<Ticket> file(NewTicket request, FilingExtras extras, Requester requester) {
        if (!requester.mayAccess(request.systemId())) {
            return Uni.createFrom().failure(ProblemException.forbidden(requester.systemId()
                    .map(own -> "You may only file tickets for your own customer account (system ID " + own
                            + "), not for system ID " + request.systemId() + ".")
                    .orElse("Your account carries no system ID, so you cannot file tickets.")));
        }
        Instant now = now();
        // No Hibernate session: the read-model check reads on its own, and the ticket with its outbox row and history
        // entry is one insert statement, atomic by itself (transactional outbox without BEGIN/COMMIT round trips).
        return contacts.requireMayFileBeforeFiling(requester, request.systemId())
                .chain(tickets::nextTicketNumberSequence)
                .map(sequence -> Ticket.file(TicketNumber.of(now, sequence), request.systemId(),
                        Severity.ofLevel(request.severity()), request.subject(), request.description(),
                        request.details(), requester.username(), now))
                .invoke(ticket -> ticket.recordIntake(new Intake(eligibility.check(request.details()),
                        extras.suggestedArticleIds()), extras.logExcerpt()))
                .call(ticket -> {
                    // built before the insert, so the event's sequence number goes into the same row write
                    TicketEvent created = events.ticketCreated(ticket);
                    return tickets.insertFiled(ticket, created.row(), created.actor());
                })
                .invoke(relay::nudge);
    }

    /** A ticket the requester may see; another account's ticket is reported as not found. */
    @WithSession
    public Uni<Ticket> find(String id, Requester requester) {
        return access.findVisible(id, requester);
    }

    /**
     * Adds a reply (P3.1) and its event in one transaction. A customer's reply is always public and, while
     * support waits for them, puts the ticket back to OPEN (P9.3): {@code customer-replied} and then
     * {@code ticket-status-changed}. Support replies publicly or with an internal note.
     */
    public Uni<Reply> reply(String id, String body, ReplyVisibility visibility, Requester requester) {
        if (!requester.staff() && visibility == ReplyVisibility.INTERNAL) {
            return Uni.createFrom().failure(ProblemException.forbidden(
                    "Internal notes are for support staff; customers reply publicly."));
        }
        Instant now = now();
        return Panache.withTransaction(() -> lockForReply(id, requester).flatMap(ticket -> {
            if (ticket.getStatus() == TicketStatus.CLOSED) {
                throw ProblemException.conflict("Ticket " + ticket.getTicketNumber()
                        + " is closed and takes no more replies; file a new ticket.");
            }
            List<TicketEvent> written = new ArrayList<>();
            Reply reply;
            if (requester.staff()) {
                reply = new Reply(ticket.getId(), requester.username(), AuthorRole.SUPPORT, visibility, body, now);
                ticket.touch(now);
                written.add(events.agentReplied(ticket, reply));
            } else {
                reply = new Reply(ticket.getId(), requester.username(), AuthorRole.CUSTOMER, ReplyVisibility.PUBLIC,
                        body, now);
                ticket.touch(now);
                written.add(events.customerReplied(ticket, reply));
                if (ticket.getStatus() == TicketStatus.WAITING_FOR_CUSTOMER) {
                    TicketStatus from = ticket.moveTo(TicketStatus.OPEN, now);
                    written.add(events.statusChanged(ticket, from, Optional.of(CUSTOMER_REPLIED_REASON),
                            requester.username(), now));
                }
            }
            return replies.persist(reply).call(() -> events.write(written)).replaceWith(reply);
        })).invoke(relay::nudge);
    }

    /** The ticket's replies the requester may read: customers only the public ones (P3.1). */
    @WithSession
    public Uni<List<Reply>> replies(String id, Requester requester) {
        return find(id, requester).flatMap(ticket -> requester.staff()
                ? replies.allOf(ticket.getId())
                : replies.publicOf(ticket.getId()));
    }

    /**
     * Moves the ticket along its lifecycle and publishes {@code ticket-status-changed}, on RESOLVED followed by
     * {@code ticket-resolved}; other moves are 409.
     */
    public Uni<Ticket> changeStatus(String id, TicketStatus target, Optional<String> reason, Requester requester) {
        Instant now = now();
        return Panache.withTransaction(() -> lockVisible(id, requester).flatMap(ticket -> {
            if (!ticket.getStatus().mayMoveTo(target)) {
                throw ProblemException.conflict("Ticket " + ticket.getTicketNumber() + " is "
                        + ticket.getStatus() + " and cannot move to " + target + "; from "
                        + ticket.getStatus() + " it may move to " + describe(ticket.getStatus().next()) + ".");
            }
            TicketStatus from = ticket.moveTo(target, now);
            TicketEvent changed = events.statusChanged(ticket, from, reason, requester.username(), now);
            if (target != TicketStatus.RESOLVED) {
                return events.write(changed).replaceWith(ticket);
            }
            // ticket-resolved follows with the next sequence, from the same transaction (NEW-TICKET-EVENTS)
            return articles.of(ticket.getId())
                    .map(linked -> List.of(changed, events.resolved(ticket, reason,
                            linked.stream().map(LinkedArticle::getArticleId).toList(), requester.username(), now)))
                    .flatMap(events::write)
                    .replaceWith(ticket);
        })).invoke(relay::nudge);
    }

    /**
     * The ticket, locked, if the requester may reply on it: another account's ticket stays a 404 (tenancy) before
     * the authorized-contact check can answer 403 (P12.1).
     */
    private Uni<Ticket> lockForReply(String id, Requester requester) {
        return lockVisible(id, requester).call(ticket -> contacts.requireMayFile(requester, ticket.getSystemId()));
    }

    private Uni<Ticket> lockVisible(String id, Requester requester) {
        return access.lockVisible(id, requester);
    }

    private static String describe(Set<TicketStatus> statuses) {
        return statuses.isEmpty() ? "nothing (final)"
                : statuses.stream().map(Enum::name).sorted().collect(Collectors.joining(" or "));
    }

    private static Instant now() {
        return TicketAccess.now();
    }
}
