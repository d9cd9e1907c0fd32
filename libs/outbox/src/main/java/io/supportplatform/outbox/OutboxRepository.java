package io.supportplatform.outbox;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /**
     * Locks up to {@code limit} pending events, oldest first, for the rest of the current transaction.
     * Rows another relay instance holds are skipped, so instances share the work instead of publishing
     * the same rows twice or waiting on each other.
     */
    public Uni<List<OutboxEvent>> claimPending(int limit) {
        return getSession().flatMap(session -> session
                .createNativeQuery("""
                        select id, aggregate_id, topic, type, payload, created_at
                        from outbox_event
                        order by position
                        limit :limit
                        for update skip locked""", OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList());
    }

    public Uni<Long> deletePublished(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(0L) : delete("id in ?1", ids);
    }
}
