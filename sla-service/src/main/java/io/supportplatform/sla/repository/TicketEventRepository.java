package io.supportplatform.sla.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.supportplatform.sla.domain.Severity;
import io.supportplatform.sla.domain.TicketEvent;
import io.supportplatform.sla.domain.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TicketEventRepository implements PanacheRepositoryBase<TicketEventEntity, UUID> {

    /**
     * Stores the event unless one with the same id is already held (at-least-once delivery).
     *
     * @return whether the event was new
     */
    public Uni<Boolean> insertIfAbsent(TicketEvent event, String envelope) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        insert into ticket_event (event_id, ticket_id, event_type, sequence, occurred_at,
                                                  ticket_number, system_id, severity, status, previous_status,
                                                  region, visibility, tier, direction, escalation_kind, envelope)
                        values (:eventId, :ticketId, :eventType, :sequence, :occurredAt,
                                cast(:ticketNumber as varchar), cast(:systemId as varchar),
                                cast(:severity as smallint), cast(:status as varchar),
                                cast(:previousStatus as varchar), cast(:region as varchar),
                                cast(:visibility as varchar), cast(:tier as varchar), cast(:direction as varchar),
                                cast(:escalationKind as varchar), cast(cast(:envelope as text) as jsonb))
                        on conflict (event_id) do nothing
                        """)
                .setParameter("eventId", event.id())
                .setParameter("ticketId", event.ticketId())
                .setParameter("eventType", event.type().name())
                .setParameter("sequence", event.sequence())
                .setParameter("occurredAt", event.occurredAt())
                .setParameter("ticketNumber", event.ticketNumber())
                .setParameter("systemId", event.systemId())
                .setParameter("severity", event.severity() == null ? null : event.severity().level())
                .setParameter("status", name(event.status()))
                .setParameter("previousStatus", name(event.previousStatus()))
                .setParameter("region", event.region())
                .setParameter("visibility", name(event.visibility()))
                .setParameter("tier", name(event.tier()))
                .setParameter("direction", name(event.direction()))
                .setParameter("escalationKind", name(event.escalationKind()))
                .setParameter("envelope", envelope)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    public Uni<List<TicketEvent>> ofTicket(UUID ticketId) {
        return list("ticketId", ticketId)
                .map(entities -> entities.stream().map(TicketEventRepository::toDomain).toList());
    }

    /**
     * Serialises recomputations of one ticket's clocks until the transaction ends, so concurrent
     * consumers (one per topic later) never overwrite each other's result with a stale one.
     */
    public Uni<Void> lockTicket(UUID ticketId) {
        return getSession().flatMap(session -> session
                        .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(:ticketId, 0))")
                        .setParameter("ticketId", ticketId.toString())
                        .getSingleResult())
                .replaceWithVoid();
    }

    private static TicketEvent toDomain(TicketEventEntity entity) {
        return new TicketEvent(entity.eventId, entity.ticketId, entity.eventType, entity.sequence,
                entity.occurredAt, entity.ticketNumber, entity.systemId,
                entity.severity == null ? null : Severity.ofLevel(entity.severity),
                valueOf(TicketStatus.class, entity.status), valueOf(TicketStatus.class, entity.previousStatus),
                entity.region, valueOf(TicketEvent.Visibility.class, entity.visibility),
                valueOf(TicketEvent.PhoneTier.class, entity.tier), valueOf(TicketEvent.CallDirection.class, entity.direction),
                valueOf(TicketEvent.EscalationKind.class, entity.escalationKind));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E valueOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
