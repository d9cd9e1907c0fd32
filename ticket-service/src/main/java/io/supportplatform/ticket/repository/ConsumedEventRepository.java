package io.supportplatform.ticket.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The ids of the CloudEvents this service consumed already (delivery is at least once). */
@ApplicationScoped
public class ConsumedEventRepository {

    /** @return whether the event is new, i.e. was not consumed before */
    public Uni<Boolean> markConsumed(UUID eventId, String type, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into consumed_event (event_id, type, consumed_at) values (:id, :type, :now)
                        on conflict (event_id) do nothing
                        """)
                .setParameter("id", eventId)
                .setParameter("type", type)
                .setParameter("now", now)
                .executeUpdate()
                .map(rows -> rows == 1));
    }
}
