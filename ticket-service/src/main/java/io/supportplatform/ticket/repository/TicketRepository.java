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

    /**
     * Ticket numbers one draw from the sequence reserves (its increment, migration V35): a draw {@code n} reserves
     * {@code n .. n + NUMBER_BLOCK - 1} for this instance, so most filings take their number without a database
     * round trip, as Hibernate's pooled optimizer does for ids.
     */
    static final int NUMBER_BLOCK = 20;

    /** The next reserved number and the end (exclusive) of this instance's reserved block. */
    private long nextNumber;
    private long blockEnd;

    /**
     * The next ticket number sequence value (P6.1): unique across instances (each draws disjoint blocks); gaps are
     * fine (a block's rest is lost when the instance stops or two draws race), duplicates impossible. Numbers are not
     * strictly in filing order, neither across instances nor when two draws race.
     */
    public Uni<Long> nextTicketNumberSequence() {
        synchronized (this) {
            if (nextNumber < blockEnd) {
                return Uni.createFrom().item(nextNumber++);
            }
        }
        return getSession().flatMap(session -> session
                .createNativeQuery("select nextval('ticket_number_seq')", Long.class)
                .getSingleResult())
                .map(first -> {
                    synchronized (this) {
                        // a racing draw may have installed its own block meanwhile: both blocks are ours, the rest of
                        // the replaced one stays unused
                        nextNumber = first + 1;
                        blockEnd = first + NUMBER_BLOCK;
                    }
                    return first;
                });
    }
}
