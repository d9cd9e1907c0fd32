package io.supportplatform.ticket.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.ticket.domain.Requester;
import io.supportplatform.ticket.domain.Ticket;
import io.supportplatform.ticket.domain.TicketStatus;
import io.supportplatform.ticket.repository.TicketRepository;

/**
 * Finds the ticket a request is about, as the requester may see it: an unknown id and another account's
 * ticket are both 404. For changes the ticket row is locked for the rest of the transaction, so concurrent
 * changes of one ticket run one after the other, each on the other's result and with its own event sequence;
 * the ticket's {@code @Version} guards the update besides.
 */
@ApplicationScoped
public class TicketAccess {

    private final TicketRepository tickets;

    public TicketAccess(TicketRepository tickets) {
        this.tickets = tickets;
    }

    /** The ticket, locked; call inside a transaction. */
    public Uni<Ticket> lockVisible(String id, Requester requester) {
        return load(id, requester, true);
    }

    /** The ticket for reading; call inside a session. */
    public Uni<Ticket> findVisible(String id, Requester requester) {
        return load(id, requester, false);
    }

    private Uni<Ticket> load(String id, Requester requester, boolean lock) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(notFound(id));
        }
        return (lock ? tickets.findForUpdate(uuid) : tickets.findById(uuid)).map(ticket -> visible(ticket, id, requester));
    }

    /**
     * The ticket if the requester may see it; a missing ticket and another account's are both 404, named by the
     * key the request used (id or ticket number).
     */
    static Ticket visible(Ticket ticket, String key, Requester requester) {
        if (ticket == null || !requester.mayAccess(ticket.getSystemId())) {
            throw notFound(key);
        }
        return ticket;
    }

    /** A closed ticket is done for good: changes to it are 409. */
    static void refuseWhenClosed(Ticket ticket, String what) {
        if (ticket.getStatus() == TicketStatus.CLOSED) {
            throw ProblemException.conflict("Ticket " + ticket.getTicketNumber() + " is closed and is no longer "
                    + what + ".");
        }
    }

    /** Millisecond precision: what the API returns, the database stores and the events carry agree. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No ticket " + id + ".");
    }
}
