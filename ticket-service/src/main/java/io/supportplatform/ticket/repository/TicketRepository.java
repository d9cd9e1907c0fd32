package io.supportplatform.ticket.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.domain.Ticket;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    /**
     * Loads the ticket and locks its row for the rest of the transaction, so concurrent changes of one
     * ticket (replies, status changes) run one after the other and each draws its own event sequence.
     */
    public Uni<Ticket> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Draws the next value of the ticket number sequence (gaps are fine, duplicates impossible). */
    public Uni<Long> nextTicketNumberSequence() {
        return getSession().flatMap(session -> session
                .createNativeQuery("select nextval('ticket_number_seq')", Long.class)
                .getSingleResult());
    }
}
