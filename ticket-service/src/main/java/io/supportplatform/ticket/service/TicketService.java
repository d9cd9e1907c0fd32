package io.supportplatform.ticket.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.ticket.domain.Requester;
import io.supportplatform.ticket.domain.Severity;
import io.supportplatform.ticket.domain.Ticket;
import io.supportplatform.ticket.domain.TicketNumber;
import io.supportplatform.ticket.messaging.OutboxEvent;
import io.supportplatform.ticket.messaging.OutboxRelay;
import io.supportplatform.ticket.messaging.TicketEvents;
import io.supportplatform.ticket.repository.OutboxRepository;
import io.supportplatform.ticket.repository.TicketRepository;

@ApplicationScoped
public class TicketService {

    private final TicketRepository tickets;
    private final OutboxRepository outbox;
    private final TicketEvents events;
    private final OutboxRelay relay;

    public TicketService(TicketRepository tickets, OutboxRepository outbox, TicketEvents events, OutboxRelay relay) {
        this.tickets = tickets;
        this.outbox = outbox;
        this.events = events;
        this.relay = relay;
    }

    /**
     * Files a ticket (P2.2): assigns its ticket number (P6.1) and writes the ticket and its
     * {@code ticket-created} event in one transaction, then nudges the relay to publish the event.
     * A customer files only for the account in their token (P12.1's authorized-contact check comes with
     * the contact read model).
     */
    public Uni<Ticket> file(NewTicket request, Requester requester) {
        if (!requester.mayAccess(request.systemId())) {
            return Uni.createFrom().failure(ProblemException.forbidden(requester.systemId()
                    .map(own -> "You may only file tickets for your own customer account (system ID " + own
                            + "), not for system ID " + request.systemId() + ".")
                    .orElse("Your account carries no system ID, so you cannot file tickets.")));
        }
        // Millisecond precision: what the API returns, the database stores and the event carries agree.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return Panache.withTransaction(() -> tickets.nextTicketNumberSequence()
                .map(sequence -> Ticket.file(TicketNumber.of(now, sequence), request.systemId(),
                        Severity.ofLevel(request.severity()), request.subject(), request.description(),
                        requester.username(), now))
                .flatMap(ticket -> {
                    // built before the insert, so the event's sequence number goes into the same row write
                    OutboxEvent created = events.ticketCreated(ticket);
                    return tickets.persist(ticket).call(() -> outbox.persist(created));
                }))
                .invoke(relay::nudge);
    }

    /** A ticket the requester may see; another account's ticket is reported as not found. */
    @WithSession
    public Uni<Ticket> find(String id, Requester requester) {
        return parseId(id)
                .map(uuid -> tickets.findById(uuid))
                .orElse(Uni.createFrom().nullItem())
                .onItem().ifNull().failWith(() -> notFound(id))
                .invoke(ticket -> {
                    if (!requester.mayAccess(ticket.getSystemId())) {
                        throw notFound(id);
                    }
                });
    }

    private static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("No ticket " + id + ".");
    }
}
