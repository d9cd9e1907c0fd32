package io.supportplatform.ticket.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.domain.HistoryEntry;

@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, UUID> {

    /**
     * Records a published event of the ticket, in the caller's transaction, with its data as published (the
     * CloudEvent's {@code data}). Two changes drawing the same sequence number fail the second transaction
     * (unique ticket_id, sequence): a lost update is refused rather than recorded.
     */
    // The event is bound as text: the reactive PostgreSQL client would send a String bound straight to a jsonb
    // parameter as a JSON string value, not as the document it contains.
    public Uni<Void> append(UUID eventId, UUID ticketId, long sequence, String eventType, String actor,
            Instant occurredAt, String cloudEventJson) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        insert into ticket_history (event_id, ticket_id, sequence, event_type, actor, occurred_at, data)
                        values (:eventId, :ticketId, :sequence, :eventType, cast(:actor as varchar), :occurredAt,
                                cast(cast(:event as text) as jsonb) -> 'data')
                        """)
                .setParameter("eventId", eventId)
                .setParameter("ticketId", ticketId)
                .setParameter("sequence", sequence)
                .setParameter("eventType", eventType)
                .setParameter("actor", actor)
                .setParameter("occurredAt", occurredAt)
                .setParameter("event", cloudEventJson)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Every recorded change of the ticket, in the order it happened. */
    public Uni<List<HistoryEntry>> of(UUID ticketId) {
        return list("ticketId", Sort.by("sequence"), ticketId);
    }
}
