package io.supportplatform.sla.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.supportplatform.sla.domain.ClockTransition;
import io.supportplatform.sla.domain.ResponseClock;
import io.supportplatform.sla.domain.Severity;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ResponseClockRepository implements PanacheRepositoryBase<ResponseClockEntity, ResponseClockEntity.Key> {

    private static final TypeReference<List<ClockTransition>> HISTORY = new TypeReference<>() {
    };

    private static final String DELETE_NOT_KEPT = """
            delete from response_clock
            where ticket_id = any($1::uuid[])
              and (ticket_id, clock_type, cycle) not in (select * from unnest($2::uuid[], $3::varchar[], $4::int[]))""";
    private static final String UPSERT = """
            insert into response_clock (ticket_id, clock_type, cycle, ticket_number, system_id, state, severity,
                                        policy_version, target_seconds, calendar_region, started_at, running_since,
                                        counted_seconds, deadline, warning_at, breached_at, ended_at, history, updated_at)
            select *, now()
            from unnest($1::uuid[], $2::varchar[], $3::int[], $4::varchar[], $5::varchar[], $6::varchar[],
                        $7::smallint[], $8::varchar[], $9::bigint[], $10::varchar[], $11::timestamptz[],
                        $12::timestamptz[], $13::bigint[], $14::timestamptz[], $15::timestamptz[], $16::timestamptz[],
                        $17::timestamptz[], $18::text[])
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
                   excluded.history)""";

    private final ObjectMapper json;

    public ResponseClockRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Makes the stored clocks of these tickets the computed ones, in two statements for the whole batch: removes
     * those the events no longer give (a late event can change which clocks exist) and upserts the others. A row
     * whose values are unchanged is left untouched (not even {@code updated_at}), so replays and duplicates change
     * nothing.
     */
    public Uni<Void> replace(SqlClient client, Collection<UUID> ticketIds, List<ResponseClock> clocks) {
        Tuple kept = Tuple.of(ticketIds.toArray(UUID[]::new),
                Columns.of(clocks, ResponseClock::ticketId, UUID[]::new),
                Columns.of(clocks, clock -> clock.type().name(), String[]::new),
                Columns.of(clocks, ResponseClock::cycle, Integer[]::new));
        return client.preparedQuery(DELETE_NOT_KEPT).execute(kept)
                .flatMap(deleted -> clocks.isEmpty() ? Uni.createFrom().voidItem()
                        : client.preparedQuery(UPSERT).execute(Tuple.from(List.of(
                                Columns.of(clocks, ResponseClock::ticketId, UUID[]::new),
                                Columns.of(clocks, clock -> clock.type().name(), String[]::new),
                                Columns.of(clocks, ResponseClock::cycle, Integer[]::new),
                                Columns.of(clocks, ResponseClock::ticketNumber, String[]::new),
                                Columns.of(clocks, ResponseClock::systemId, String[]::new),
                                Columns.of(clocks, clock -> clock.state().name(), String[]::new),
                                Columns.of(clocks, clock -> (short) clock.severity().level(), Short[]::new),
                                Columns.of(clocks, ResponseClock::policyVersion, String[]::new),
                                Columns.of(clocks, clock -> clock.target().toSeconds(), Long[]::new),
                                Columns.of(clocks, ResponseClock::calendarRegion, String[]::new),
                                Columns.of(clocks, clock -> Columns.utc(clock.startedAt()), OffsetDateTime[]::new),
                                Columns.of(clocks, clock -> Columns.utc(clock.runningSince()), OffsetDateTime[]::new),
                                Columns.of(clocks, clock -> clock.countedBefore().toSeconds(), Long[]::new),
                                Columns.of(clocks, clock -> Columns.utc(clock.deadline()), OffsetDateTime[]::new),
                                Columns.of(clocks, clock -> Columns.utc(clock.warningAt()), OffsetDateTime[]::new),
                                Columns.of(clocks, clock -> Columns.utc(clock.breachedAt()), OffsetDateTime[]::new),
                                Columns.of(clocks, clock -> Columns.utc(clock.endedAt()), OffsetDateTime[]::new),
                                Columns.of(clocks, clock -> write(clock.history()), String[]::new))))
                                .replaceWithVoid());
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
