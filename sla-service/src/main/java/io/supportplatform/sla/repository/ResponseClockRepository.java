package io.supportplatform.sla.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.supportplatform.sla.domain.ClockTransition;
import io.supportplatform.sla.domain.ResponseClock;
import io.supportplatform.sla.domain.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ResponseClockRepository implements PanacheRepositoryBase<ResponseClockEntity, ResponseClockEntity.Key> {

    private static final TypeReference<List<ClockTransition>> HISTORY = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public ResponseClockRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Makes the ticket's stored clocks the computed ones: removes those the events no longer give (a late
     * event can change which clocks exist) and upserts the others.
     */
    public Uni<Void> replace(UUID ticketId, List<ResponseClock> clocks) {
        String kept = String.join(",", clocks.stream().map(clock -> clock.type().name() + "#" + clock.cycle()).toList());
        return getSession().flatMap(session -> session.createNativeQuery("""
                        delete from response_clock
                        where ticket_id = :ticketId
                          and not (clock_type || '#' || cycle = any (string_to_array(:kept, ',')))""")
                        .setParameter("ticketId", ticketId)
                        .setParameter("kept", kept)
                        .executeUpdate())
                .flatMap(deleted -> upsert(clocks));
    }

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
                                                    severity, policy_version, target_seconds, calendar_region,
                                                    started_at, running_since, counted_seconds, deadline, warning_at,
                                                    breached_at, ended_at, history, updated_at)
                        values (:ticketId, :clockType, :cycle, cast(:ticketNumber as varchar),
                                cast(:systemId as varchar), :state, :severity, :policyVersion, :targetSeconds,
                                cast(:calendarRegion as varchar), :startedAt, cast(:runningSince as timestamptz),
                                :countedSeconds, cast(:deadline as timestamptz), cast(:warningAt as timestamptz),
                                cast(:breachedAt as timestamptz), cast(:endedAt as timestamptz), :history, now())
                        on conflict (ticket_id, clock_type, cycle) do update set
                            ticket_number = excluded.ticket_number, system_id = excluded.system_id,
                            state = excluded.state, severity = excluded.severity,
                            policy_version = excluded.policy_version, target_seconds = excluded.target_seconds,
                            calendar_region = excluded.calendar_region, started_at = excluded.started_at,
                            running_since = excluded.running_since, counted_seconds = excluded.counted_seconds,
                            deadline = excluded.deadline, warning_at = excluded.warning_at,
                            breached_at = excluded.breached_at, ended_at = excluded.ended_at,
                            history = excluded.history, updated_at = now()
                        where (response_clock.ticket_number, response_clock.system_id, response_clock.state,
                               response_clock.severity, response_clock.policy_version, response_clock.target_seconds,
                               response_clock.calendar_region, response_clock.started_at, response_clock.running_since,
                               response_clock.counted_seconds, response_clock.deadline, response_clock.warning_at,
                               response_clock.breached_at, response_clock.ended_at, response_clock.history)
                              is distinct from
                              (excluded.ticket_number, excluded.system_id, excluded.state, excluded.severity,
                               excluded.policy_version, excluded.target_seconds, excluded.calendar_region,
                               excluded.started_at, excluded.running_since, excluded.counted_seconds,
                               excluded.deadline, excluded.warning_at, excluded.breached_at, excluded.ended_at,
                               excluded.history)
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
                .setParameter("calendarRegion", clock.calendarRegion())
                .setParameter("startedAt", clock.startedAt())
                .setParameter("runningSince", clock.runningSince())
                .setParameter("countedSeconds", clock.countedBefore().toSeconds())
                .setParameter("deadline", clock.deadline())
                .setParameter("warningAt", clock.warningAt())
                .setParameter("breachedAt", clock.breachedAt())
                .setParameter("endedAt", clock.endedAt())
                .setParameter("history", write(clock.history()))
                .executeUpdate());
    }

    public Uni<List<ResponseClock>> ofTicket(UUID ticketId) {
        return list("ticketId = ?1 order by clockType, cycle", ticketId)
                .map(entities -> entities.stream().map(this::toDomain).toList());
    }

    private ResponseClock toDomain(ResponseClockEntity entity) {
        return new ResponseClock(entity.ticketId, entity.ticketNumber, entity.systemId, entity.clockType, entity.cycle,
                entity.state, Severity.ofLevel(entity.severity), entity.policyVersion,
                Duration.ofSeconds(entity.targetSeconds), entity.calendarRegion, entity.startedAt, entity.runningSince,
                Duration.ofSeconds(entity.countedSeconds), entity.deadline, entity.warningAt, entity.breachedAt,
                entity.endedAt, read(entity.history));
    }

    private String write(List<ClockTransition> history) {
        try {
            return json.writeValueAsString(history);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("clock history not serialisable", e);
        }
    }

    private List<ClockTransition> read(String history) {
        try {
            return json.readValue(history, HISTORY);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored clock history unreadable: " + history, e);
        }
    }
}
