package io.supportplatform.sla.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.supportplatform.outbox.CloudEvent;
import io.supportplatform.sla.domain.AlarmKind;
import io.supportplatform.sla.mapping.AlarmData;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Fires due alarms, exactly once across any number of instances and restarts: a round claims the earliest due
 * unfired alarms with {@code FOR UPDATE SKIP LOCKED} (on the partial index of unfired alarms, so the cost does
 * not grow with the number of open clocks), writes their events to the transactional outbox and marks them fired,
 * all in one transaction. Another instance skips the rows this one holds; a crash before the commit leaves them
 * unfired for the next round of any instance, a crash after it leaves the events in the outbox (published at
 * least once; consumers dedupe on the id). Everything that fell due while no instance ran fires on the first
 * round after start.
 * <p>
 * Between rounds it sleeps until the next alarm falls due, at most {@code maxSleep}, or until
 * {@link #wakeUpBy} announces an earlier one. A plain class over a reactive pool, so that a test can run a second,
 * independent instance with its own pool against the same database.
 */
public class AlarmScheduler {

    private static final Logger LOG = Logger.getLogger(AlarmScheduler.class);
    static final String SOURCE = "/sla-service";
    /** Ops' topic for escalation alerts (deploy/contracts/README.md): a copy of each sla-escalated event. */
    static final String ESCALATION_ALERTS = "sla-escalations";
    static final String ESCALATION_ALERT_TYPE = "io.supportplatform.sla-escalation-alert.v1";
    /** Pause after a round that found only alarms another instance holds, so two instances do not spin. */
    private static final Duration BUSY_ELSEWHERE = Duration.ofMillis(20);

    private static final String CLAIM = """
            select alarm_key, ticket_id, kind, due_at, data
            from clock_alarm
            where fired_at is null and due_at <= $1
            order by due_at
            limit $2
            for update skip locked""";
    private static final String NEXT_DUE = "select min(due_at) as due_at from clock_alarm where fired_at is null";
    private static final String NEXT_SEQUENCES = """
            insert into sla_event_sequence (ticket_id, last_sequence) values ($1, $2)
            on conflict (ticket_id) do update set last_sequence = sla_event_sequence.last_sequence + excluded.last_sequence
            returning last_sequence""";
    private static final String OUTBOX = """
            insert into outbox_event (id, aggregate_id, topic, type, payload, created_at)
            values ($1, $2, $3, $4, $5, $6)""";
    private static final String MARK_FIRED = "update clock_alarm set fired_at = $1, event_id = $2 where alarm_key = $3";

    private final Pool pool;
    private final Vertx vertx;
    private final Clock time;
    private final ObjectMapper json;
    private final Runnable published;
    private final int batchSize;
    private final Duration maxSleep;
    private final Map<AlarmKind, Timer> fireLag = new EnumMap<>(AlarmKind.class);
    private final Counter rounds;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean requested;
    private volatile boolean stopped = true;
    private volatile long timer = -1;
    private volatile Instant nextWake = Instant.MAX;

    /**
     * @param published called after a round committed events to the outbox (nudges the relay)
     */
    public AlarmScheduler(Pool pool, Vertx vertx, Clock time, ObjectMapper json, Runnable published, int batchSize,
            Duration maxSleep, MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        this.time = time;
        this.json = json;
        this.published = published;
        this.batchSize = batchSize;
        this.maxSleep = maxSleep;
        for (AlarmKind kind : AlarmKind.values()) {
            fireLag.put(kind, Timer.builder("sla.alarm.fire.lag")
                    .description("From an alarm's due time to its event committed to the outbox")
                    .tag("kind", kind.name())
                    .publishPercentileHistogram()
                    .register(registry));
        }
        this.rounds = Counter.builder("sla.alarm.rounds").description("Scheduler rounds run").register(registry);
    }

    public void start() {
        stopped = false;
        trigger();
    }

    /** Stops after the current round; what it claimed commits or rolls back as a whole. */
    public void stop() {
        stopped = true;
        vertx.cancelTimer(timer);
    }

    /** An alarm falls due at {@code dueAt}: if that is before the next planned round, run one now. */
    public void wakeUpBy(Instant dueAt) {
        if (!stopped && dueAt.isBefore(nextWake)) {
            requested = true;
            trigger();
        }
    }

    private void trigger() {
        if (stopped || !running.compareAndSet(false, true)) {
            return;
        }
        requested = false;
        vertx.cancelTimer(timer);
        nextWake = Instant.MIN;
        Uni.createFrom().deferred(this::round)
                .subscribe().with(this::sleep, failure -> {
                    LOG.warnf("Alarm round failed (%s); the alarms stay due for the next round", failure.toString());
                    sleep(maxSleep);
                });
    }

    /** @return how long to sleep before the next round */
    private Uni<Duration> round() {
        rounds.increment();
        Instant now = time.instant();
        return pool.withTransaction(connection -> fireDue(connection, now))
                .flatMap(fired -> {
                    if (fired > 0) {
                        published.run();
                        Instant committed = time.instant();
                        LOG.debugf("Fired %d alarms", fired);
                        if (fired == batchSize) {
                            return Uni.createFrom().item(Duration.ZERO);
                        }
                        return sleepUntilNextDue(committed, Duration.ZERO);
                    }
                    return sleepUntilNextDue(now, BUSY_ELSEWHERE);
                });
    }

    private Uni<Duration> sleepUntilNextDue(Instant now, Duration atLeast) {
        return pool.preparedQuery(NEXT_DUE).execute().map(rows -> {
            OffsetDateTime next = rows.iterator().next().getOffsetDateTime("due_at");
            if (next == null) {
                return maxSleep;
            }
            Duration until = Duration.between(now, next.toInstant());
            if (until.compareTo(atLeast) < 0) {
                return atLeast;
            }
            return until.compareTo(maxSleep) > 0 ? maxSleep : until;
        });
    }

    private void sleep(Duration pause) {
        running.set(false);
        if (stopped) {
            return;
        }
        if (requested || pause.isZero()) {
            trigger();
            return;
        }
        nextWake = time.instant().plus(pause);
        timer = vertx.setTimer(Math.max(1, pause.toMillis()), id -> trigger());
    }

    private Uni<Integer> fireDue(SqlConnection connection, Instant now) {
        return connection.preparedQuery(CLAIM).execute(Tuple.of(utc(now), batchSize)).flatMap(rows -> {
            List<Due> due = new ArrayList<>();
            for (Row row : rows) {
                due.add(new Due(row.getString("alarm_key"), row.getUUID("ticket_id"),
                        AlarmKind.valueOf(row.getString("kind")), row.getOffsetDateTime("due_at").toInstant(),
                        row.getString("data")));
            }
            if (due.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return sequences(connection, due).flatMap(sequenced -> publish(connection, sequenced, now));
        });
    }

    /**
     * Takes the next {@code data.sequence} numbers of each ticket, one statement per ticket in ticket order, so two
     * instances firing alarms of the same tickets wait for each other instead of deadlocking.
     */
    private Uni<List<Sequenced>> sequences(SqlConnection connection, List<Due> due) {
        Map<UUID, Integer> perTicket = new TreeMap<>();
        due.forEach(alarm -> perTicket.merge(alarm.ticketId(), 1, Integer::sum));
        List<Tuple> counts = perTicket.entrySet().stream()
                .map(entry -> Tuple.of(entry.getKey(), (long) entry.getValue())).toList();
        return connection.preparedQuery(NEXT_SEQUENCES).executeBatch(counts).map(result -> {
            Map<UUID, Long> next = new TreeMap<>();
            RowSet<Row> rows = result;
            for (UUID ticket : perTicket.keySet()) {
                long last = rows.iterator().next().getLong("last_sequence");
                next.put(ticket, last - perTicket.get(ticket) + 1);
                rows = rows.next();
            }
            List<Sequenced> sequenced = new ArrayList<>();
            for (Due alarm : due) { // due order: one ticket's events get their numbers in the order they fell due
                sequenced.add(new Sequenced(alarm, next.merge(alarm.ticketId(), 1L, Long::sum) - 1));
            }
            return sequenced;
        });
    }

    private Uni<Integer> publish(SqlConnection connection, List<Sequenced> alarms, Instant now) {
        List<Tuple> outbox = new ArrayList<>();
        List<Tuple> fired = new ArrayList<>();
        OffsetDateTime firedAt = utc(now);
        for (Sequenced sequenced : alarms) {
            Due alarm = sequenced.alarm();
            UUID eventId = UUID.randomUUID();
            ObjectNode data = json.createObjectNode().put("sequence", sequenced.sequence());
            data.setAll(readData(alarm));
            String type = AlarmData.typeOf(alarm.kind());
            outbox.add(outboxRow(eventId, alarm, alarm.kind().eventName(), type, data, now));
            if (alarm.kind() == AlarmKind.ESCALATION) {
                // Ops read one topic of alerts; it carries its own id and names the sla-escalated event it copies.
                ObjectNode alert = data.deepCopy().put("escalatedEventId", eventId.toString());
                outbox.add(outboxRow(UUID.randomUUID(), alarm, ESCALATION_ALERTS, ESCALATION_ALERT_TYPE, alert, now));
            }
            fired.add(Tuple.of(firedAt, eventId, alarm.key()));
        }
        return connection.preparedQuery(OUTBOX).executeBatch(outbox)
                .flatMap(ignored -> connection.preparedQuery(MARK_FIRED).executeBatch(fired))
                .invoke(() -> {
                    Instant committing = time.instant();
                    alarms.forEach(s -> fireLag.get(s.alarm().kind())
                            .record(positive(Duration.between(s.alarm().dueAt(), committing))));
                })
                .replaceWith(alarms.size());
    }

    private Tuple outboxRow(UUID eventId, Due alarm, String topic, String type, ObjectNode data, Instant now) {
        CloudEvent<ObjectNode> event = CloudEvent.of(eventId, type, SOURCE, alarm.dueAt(), alarm.ticketId().toString(),
                data);
        try {
            return Tuple.tuple(List.of(eventId, alarm.ticketId().toString(), topic, type,
                    json.writeValueAsString(event), utc(now)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + type + " of ticket " + alarm.ticketId(), e);
        }
    }

    private ObjectNode readData(Due alarm) {
        try {
            return (ObjectNode) json.readTree(alarm.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored data of alarm " + alarm.key() + " is not JSON", e);
        }
    }

    private static Duration positive(Duration lag) {
        return lag.isNegative() ? Duration.ZERO : lag;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Due(String key, UUID ticketId, AlarmKind kind, Instant dueAt, String data) {
    }

    private record Sequenced(Due alarm, long sequence) {
    }
}
