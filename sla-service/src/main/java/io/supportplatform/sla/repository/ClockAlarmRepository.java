package io.supportplatform.sla.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportplatform.sla.domain.ClockAlarm;
import io.supportplatform.sla.mapping.AlarmData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps a ticket's planned alarms in step with its clocks, inside the recomputation's transaction. Fired
 * alarms are history: never moved, never deleted, never fired again.
 */
@ApplicationScoped
public class ClockAlarmRepository {

    private final AlarmData data;

    public ClockAlarmRepository(AlarmData data) {
        this.data = data;
    }

    /**
     * Makes {@code planned} the ticket's unfired alarms: unfired ones no longer planned (the clock paused, was met
     * or re-targeted) are dropped, new ones inserted, moved ones updated; rows that already fired stay as they are.
     * Unchanged rows are not written, so a replay changes nothing.
     */
    public Uni<Void> replace(UUID ticketId, List<ClockAlarm> planned) {
        return Panache.getSession().flatMap(session -> dropUnplanned(session, ticketId, planned)
                .flatMap(dropped -> planned.isEmpty() ? Uni.createFrom().voidItem() : upsert(session, planned)));
    }

    private Uni<Integer> dropUnplanned(Mutiny.Session session, UUID ticketId, List<ClockAlarm> planned) {
        if (planned.isEmpty()) {
            return session.createNativeQuery("delete from clock_alarm where ticket_id = :ticketId and fired_at is null")
                    .setParameter("ticketId", ticketId)
                    .executeUpdate();
        }
        return session.createNativeQuery("""
                        delete from clock_alarm
                        where ticket_id = :ticketId and fired_at is null and alarm_key not in (:keys)""")
                .setParameter("ticketId", ticketId)
                .setParameter("keys", planned.stream().map(ClockAlarm::key).toList())
                .executeUpdate();
    }

    /** One statement for all of the ticket's alarms: a recomputation per event must stay cheap (bench/sla-scale). */
    private Uni<Void> upsert(Mutiny.Session session, List<ClockAlarm> planned) {
        StringBuilder sql = new StringBuilder("insert into clock_alarm (alarm_key, ticket_id, kind, due_at, data) values ");
        for (int i = 0; i < planned.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(:key%1$d, :ticket%1$d, :kind%1$d, :due%1$d, cast(cast(:data%1$d as text) as jsonb))".formatted(i));
        }
        sql.append("""
                 on conflict (alarm_key) do update set due_at = excluded.due_at, data = excluded.data
                where clock_alarm.fired_at is null
                  and (clock_alarm.due_at, clock_alarm.data) is distinct from (excluded.due_at, excluded.data)""");
        var query = session.createNativeQuery(sql.toString());
        for (int i = 0; i < planned.size(); i++) {
            ClockAlarm alarm = planned.get(i);
            query.setParameter("key" + i, alarm.key())
                    .setParameter("ticket" + i, alarm.ticketId())
                    .setParameter("kind" + i, alarm.kind().name())
                    .setParameter("due" + i, alarm.dueAt())
                    .setParameter("data" + i, data.of(alarm));
        }
        return query.executeUpdate().replaceWithVoid();
    }
}
