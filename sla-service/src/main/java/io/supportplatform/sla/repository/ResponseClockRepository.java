package io.supportplatform.sla.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.supportplatform.sla.domain.ResponseClock;
import io.supportplatform.sla.domain.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ResponseClockRepository implements PanacheRepositoryBase<ResponseClockEntity, ResponseClockEntity.Key> {

    /**
     * Writes the clocks computed for a ticket. A row whose values are unchanged is left untouched
     * (not even {@code updated_at}), so replays and duplicates change nothing.
     */
    public Uni<Void> upsert(List<ResponseClock> clocks) {
        // One statement after the other: a reactive session runs no two queries at once.
        return Multi.createFrom().iterable(clocks)
                .onItem().transformToUniAndConcatenate(this::upsert)
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Integer> upsert(ResponseClock clock) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        insert into response_clock (ticket_id, clock_type, cycle, ticket_number, system_id, state,
                                                    severity, policy_version, target_seconds, started_at,
                                                    running_since, counted_seconds, deadline, updated_at)
                        values (:ticketId, :clockType, :cycle, cast(:ticketNumber as varchar),
                                cast(:systemId as varchar), :state, :severity, :policyVersion, :targetSeconds,
                                :startedAt, cast(:runningSince as timestamptz), :countedSeconds,
                                cast(:deadline as timestamptz), now())
                        on conflict (ticket_id, clock_type, cycle) do update set
                            ticket_number = excluded.ticket_number, system_id = excluded.system_id,
                            state = excluded.state, severity = excluded.severity,
                            policy_version = excluded.policy_version, target_seconds = excluded.target_seconds,
                            started_at = excluded.started_at, running_since = excluded.running_since,
                            counted_seconds = excluded.counted_seconds, deadline = excluded.deadline,
                            updated_at = now()
                        where (response_clock.ticket_number, response_clock.system_id, response_clock.state,
                               response_clock.severity, response_clock.policy_version, response_clock.target_seconds,
                               response_clock.started_at, response_clock.running_since,
                               response_clock.counted_seconds, response_clock.deadline)
                              is distinct from
                              (excluded.ticket_number, excluded.system_id, excluded.state, excluded.severity,
                               excluded.policy_version, excluded.target_seconds, excluded.started_at,
                               excluded.running_since, excluded.counted_seconds, excluded.deadline)
                        """)
                .setParameter("ticketId", clock.ticketId())
                .setParameter("clockType", clock.type().name())
                .setParameter("cycle", clock.cycle())
                .setParameter("ticketNumber", clock.ticketNumber())
                .setParameter("systemId", clock.systemId())
                .setParameter("state", clock.state().name())
                .setParameter("severity", (short) clock.severity().level())
                .setParameter("policyVersion", clock.policyVersion())
                .setParameter("targetSeconds", clock.target().toSeconds())
                .setParameter("startedAt", clock.startedAt())
                .setParameter("runningSince", clock.runningSince())
                .setParameter("countedSeconds", clock.countedBefore().toSeconds())
                .setParameter("deadline", clock.deadline())
                .executeUpdate());
    }

    public Uni<List<ResponseClock>> ofTicket(UUID ticketId) {
        return list("ticketId = ?1 order by clockType, cycle", ticketId)
                .map(entities -> entities.stream().map(ResponseClockRepository::toDomain).toList());
    }

    private static ResponseClock toDomain(ResponseClockEntity entity) {
        return new ResponseClock(entity.ticketId, entity.ticketNumber, entity.systemId, entity.clockType, entity.cycle,
                entity.state, Severity.ofLevel(entity.severity), entity.policyVersion,
                Duration.ofSeconds(entity.targetSeconds), entity.startedAt, entity.runningSince,
                Duration.ofSeconds(entity.countedSeconds), entity.deadline);
    }
}
