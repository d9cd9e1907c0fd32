package io.supportplatform.ticket.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.domain.Ticket;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    /** Draws the next value of the ticket number sequence (gaps are fine, duplicates impossible). */
    public Uni<Long> nextTicketNumberSequence() {
        return getSession().flatMap(session -> session
                .createNativeQuery("select nextval('ticket_number_seq')", Long.class)
                .getSingleResult());
    }
}
