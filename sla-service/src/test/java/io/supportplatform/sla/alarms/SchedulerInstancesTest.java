package io.supportplatform.sla.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.outbox.OutboxRelay;
import io.supportplatform.sla.service.AlarmScheduler;
import io.vertx.core.Vertx;
import io.vertx.json.schema.OutputUnit;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several scheduler instances against one database. The service under test consumes ticket events and plans
 * alarms but fires none itself ({@code sla.alarms.enabled=false}); the instances are {@link AlarmScheduler}s
 * started here, each with its own connection pool (its own PostgreSQL sessions, as a second process would
 * have): everything they share is the database, which is all that instances of the service share. An instance
 * is "killed" by closing its pool, which aborts whatever transaction it has open, as a crash would.
 */
@QuarkusTest
@TestProfile(SchedulerInstancesTest.NoSchedulerInTheService.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class SchedulerInstancesTest {

    public static class NoSchedulerInTheService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sla.alarms.enabled", "false");
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static TicketEventsToKafka tickets;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper json;

    @Inject
    OutboxRelay relay;

    @BeforeAll
    static void connect() {
        tickets = new TicketEventsToKafka();
    }

    @AfterAll
    static void disconnect() {
        tickets.close();
    }

    @Test
    void twoInstancesFireEachAlarmExactlyOnce() {
        Instance first = start();
        Instance second = start();
        try {
            // 150 severity-3 tickets (8 h, P8.3) whose deadlines fall within the same two seconds: 150 overdue
            // warnings at once, then 150 breaches and 150 level-1 escalations (each with its ops alert).
            Instant deadlines = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                UUID ticketId = UUID.randomUUID();
                ids.add(ticketId);
                tickets.ticketCreated(ticketId, 3, deadlines.plusMillis(i * 13L).minus(Duration.ofHours(8)));
            }
            Map<String, Map<String, Integer>> counts = awaitPublished(ids,
                    Map.of("sla-warning", 1, "sla-breached", 1, "sla-escalated", 1, "sla-escalations", 1));
            counts.forEach((topic, perTicket) -> perTicket.forEach((ticket, count) ->
                    assertEquals(1, count, () -> topic + " of " + ticket + " published " + count + " times")));
            assertEquals(450, firedRows(ids), "each alarm fired once in the database");
            long byFirst = first.fired();
            long bySecond = second.fired();
            // Both took part (the rounds interleave: batches of 20), and together they fired each alarm once.
            assertEquals(450, byFirst + bySecond, () -> "first " + byFirst + ", second " + bySecond);
            System.out.printf("two instances: first fired %d, second %d alarms%n", byFirst, bySecond);
        } finally {
            first.kill();
            second.kill();
        }
    }

    @Test
    void breachesMissedWhileNoInstanceRanFireOnceAfterRestart() {
        Instance before = start();
        List<UUID> ids = new ArrayList<>();
        Instant deadlines = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 40; i++) {
            UUID ticketId = UUID.randomUUID();
            ids.add(ticketId);
            tickets.ticketCreated(ticketId, 4, deadlines.plusMillis(i * 50L).minus(Duration.ofHours(12))); // P8.4
        }
        // The overdue warnings fire; then the only instance dies before any deadline.
        awaitPublished(ids, Map.of("sla-warning", 1));
        before.kill();
        Instant lastDeadline = deadlines.plusMillis(39 * 50L);
        Awaitility.await().atMost(PATIENCE).until(() -> Instant.now().isAfter(lastDeadline.plusSeconds(2)));
        assertEquals(40, firedRows(ids), "nothing fires while no instance runs");

        Instance after = start();
        try {
            Map<String, Map<String, Integer>> counts = awaitPublished(ids,
                    Map.of("sla-warning", 1, "sla-breached", 1, "sla-escalated", 1, "sla-escalations", 1));
            counts.forEach((topic, perTicket) -> perTicket.forEach((ticket, count) ->
                    assertEquals(1, count, () -> topic + " of " + ticket + " published " + count + " times")));
            assertEquals(80, after.fired(), "the restarted instance fired each missed breach and escalation once");
        } finally {
            after.kill();
        }
    }

    /** A scheduler instance with its own pool of two connections and its own meters. */
    private Instance start() {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.reactive.url", String.class);
        PgConnectOptions connect = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class))
                .setPassword(ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class));
        Pool own = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(connect)
                .using(vertx).build());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AlarmScheduler scheduler = new AlarmScheduler(own, vertx, Clock.systemUTC(), json, relay::nudge, 20,
                Duration.ofMillis(250), meters);
        scheduler.start();
        return new Instance(scheduler, own, meters);
    }

    private record Instance(AlarmScheduler scheduler, Pool pool, SimpleMeterRegistry meters) {
        long fired() {
            return meters.find("sla.alarm.fire.lag").timers().stream().mapToLong(timer -> timer.count()).sum();
        }

        void kill() {
            scheduler.stop();
            pool.close().await().indefinitely();
        }
    }

    private long firedRows(List<UUID> ids) {
        return pool.preparedQuery("select count(*) from clock_alarm where ticket_id = any($1) and fired_at is not null")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).await().indefinitely().iterator().next().getLong(0);
    }

    /**
     * Reads the topics from the start until every ticket has at least the expected number of events on each,
     * then a few seconds more (several scheduler rounds and relay sweeps) so duplicates would show; every event
     * is checked against its contract.
     */
    private static Map<String, Map<String, Integer>> awaitPublished(List<UUID> ids, Map<String, Integer> expected) {
        Set<String> keys = new HashSet<>();
        ids.forEach(id -> keys.add(id.toString()));
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        expected.keySet().forEach(topic -> counts.put(topic, new HashMap<>()));
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "instances-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.copyOf(expected.keySet()));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            long settledUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settledUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(record.key())) {
                        JsonObject event = new JsonObject(record.value());
                        OutputUnit result = SlaEventsOnTimeTest.CONTRACTS.get(record.topic()).validate(event);
                        assertTrue(result.getValid(), () -> record.topic() + ": " + result.getErrors());
                        counts.get(record.topic()).merge(record.key(), 1, Integer::sum);
                    }
                }
                boolean complete = expected.entrySet().stream().allMatch(entry -> counts.get(entry.getKey()).size() == ids.size()
                        && counts.get(entry.getKey()).values().stream().allMatch(n -> n >= entry.getValue()));
                if (complete && settledUntil == Long.MAX_VALUE) {
                    settledUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        expected.forEach((topic, count) -> assertEquals(ids.size(), counts.get(topic).size(),
                () -> topic + ": only " + counts.get(topic).size() + " of " + ids.size() + " tickets"));
        return counts;
    }
}
