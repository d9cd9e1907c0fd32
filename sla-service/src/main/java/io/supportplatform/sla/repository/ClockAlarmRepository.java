package io.supportplatform.sla.repository;

import io.smallrye.mutiny.Uni;
import io.supportplatform.sla.domain.ClockAlarm;
import io.supportplatform.sla.mapping.AlarmData;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the tickets' planned alarms in step with their clocks, inside the recomputation's transaction. Fired
 * alarms are history: never moved, never deleted, never fired again.
 */
@ApplicationScoped
public class ClockAlarmRepository {

    private static final String DELETE_UNPLANNED = """
            delete from clock_alarm
            where ticket_id = any($1::uuid[]) and fired_at is null and alarm_key <> all($2::varchar[])""";
    private static final String UPSERT = """
            insert into clock_alarm (alarm_key, ticket_id, kind, due_at, data)
            select alarm_key, ticket_id, kind, due_at, data
            from unnest($1::varchar[], $2::uuid[], $3::varchar[], $4::timestamptz[], $5::text[])
                 as a(alarm_key, ticket_id, kind, due_at, data)
            on conflict (alarm_key) do update set due_at = excluded.due_at, data = excluded.data
            where clock_alarm.fired_at is null
              and (clock_alarm.due_at, clock_alarm.data) is distinct from (excluded.due_at, excluded.data)""";

    private final AlarmData data;

    public ClockAlarmRepository(AlarmData data) {
        this.data = data;
    }

    /**
     * Makes {@code planned} the unfired alarms of these tickets, in two statements for the whole batch: unfired
     * ones no longer planned (the clock paused, was met or re-targeted) are dropped, new ones inserted, moved ones
     * updated; rows that already fired stay as they are. Unchanged rows are not written, so a replay changes nothing.
     */
    public Uni<Void> replace(SqlClient client, Collection<UUID> ticketIds, List<ClockAlarm> planned) {
        String[] keys = Columns.of(planned, ClockAlarm::key, String[]::new);
        return client.preparedQuery(DELETE_UNPLANNED).execute(Tuple.of(ticketIds.toArray(UUID[]::new), keys))
                .flatMap(dropped -> planned.isEmpty() ? Uni.createFrom().voidItem()
                        : client.preparedQuery(UPSERT).execute(Tuple.of(keys,
                                        Columns.of(planned, ClockAlarm::ticketId, UUID[]::new),
                                        Columns.of(planned, alarm -> alarm.kind().name(), String[]::new),
                                        Columns.of(planned, alarm -> Columns.utc(alarm.dueAt()), OffsetDateTime[]::new),
                                        Columns.of(planned, data::of, String[]::new)))
                                .replaceWithVoid());
    }
}
