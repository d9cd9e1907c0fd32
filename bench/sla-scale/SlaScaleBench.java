import io.supportplatform.devstack.DevStack;
import io.supportplatform.devstack.ProcessStats;
import io.supportplatform.devstack.Service;
import io.supportplatform.devstack.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * bench/sla-scale: loads open clocks into a real sla-service process through ticket-created events on Kafka,
 * then lets a burst of deadlines fall due within one minute and measures how late each breach is published.
 * Infrastructure and the packaged service come from deploy/devstack (free ports, a temp dir). See README.md.
 *
 * Arguments: repoRoot openClocks burstClocks
 */
public class SlaScaleBench {

    static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$");
    static final Pattern RECORDED = Pattern.compile("(?m)^sla_ticket_events_total\\{[^}]*outcome=\"recorded\"[^}]*} (\\S+)$");

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int open = Integer.parseInt(args[1]);
        int burst = Integer.parseInt(args[2]);
        Path data = Files.createTempDirectory("sla-scale-");
        Map<String, String> env = new HashMap<>(System.getenv());
        // No Keycloak: the benchmark reads no API that needs a token; the service starts without reaching it.
        env.put("OIDC_AUTH_SERVER_URL", "http://127.0.0.1:9/realms/support");
        DevStack.Options options = DevStack.Options.forTests(root, data).withServices(Set.of(Service.SLA)).withEnv(env);
        System.out.printf("sla-scale: %,d open clocks, then %,d deadlines within one minute%n", open, burst);
        try (DevStack stack = DevStack.start(options)) {
            ServiceProcess sla = stack.services().get(Service.SLA);
            Sampler sampler = new Sampler(sla);
            sampler.start();
            try (Connection db = DriverManager.getConnection(stack.postgresJdbcUrl("sla"), stack.postgresUser(),
                    stack.postgresPassword());
                    KafkaProducer<String, String> producer = producer(stack.kafkaBootstrapServers())) {
                double eventsPerSecond = load(db, producer, open, sampler);
                breachBurst(db, producer, sla, stack.kafkaBootstrapServers(), burst, eventsPerSecond);
            } finally {
                sampler.stop();
            }
            System.out.printf("service memory: heap used max %d MiB, RSS max %d MiB (JVM -Xmx384m, SerialGC, as DevStack runs it)%n",
                    sampler.maxHeapMib, sampler.maxRssMib);
        }
    }

    /** Phase 1: open clocks through ticket-created events (severities 3 and 4: nothing due for hours). */
    /** @return events consumed per second */
    static double load(Connection db, KafkaProducer<String, String> producer, int open, Sampler sampler)
            throws Exception {
        long began = System.currentTimeMillis();
        SendFailures failures = new SendFailures();
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < open; i++) {
            UUID ticket = UUID.randomUUID();
            producer.send(record(ticket, 3 + (i % 2), createdAt, i), failures.callback(ticket.toString()));
        }
        producer.flush();
        failures.report("load");
        open -= failures.count();
        long sent = System.currentTimeMillis();
        System.out.printf("load: produced %,d events in %.1f s%n", open, (sent - began) / 1000.0);
        long stored = awaitClocks(db, sampler.service, open, Duration.ofHours(2));
        long done = System.currentTimeMillis();
        System.out.printf("load: %,d clocks stored %.1f s after the first event: %,.0f events/s consumed%n", stored,
                (done - began) / 1000.0, stored * 1000.0 / (done - began));
        // Event-to-clock-stored latency: the Kafka record's create time (kept in the stored event) to the
        // transaction that stored its clock (response_clock.updated_at is that transaction's start, now()).
        try (Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("""
                        select percentile_cont(array[0.5, 0.99]) within group (order by lag_ms), max(lag_ms)
                        from (select extract(epoch from c.updated_at) * 1000 - (env ->> 'benchSentAtMs')::numeric as lag_ms
                              from response_clock c
                              join (select ticket_id, envelope::jsonb as env from ticket_event) e using (ticket_id)) l""")) {
            rows.next();
            Double[] p = (Double[]) rows.getArray(1).getArray();
            System.out.printf("load: event-to-clock-stored latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", p[0], p[1],
                    rows.getDouble(2));
        }
        System.out.printf("load: heap used max %d MiB, RSS max %d MiB so far%n", sampler.maxHeapMib, sampler.maxRssMib);
        return stored * 1000.0 / (done - began);
    }

    /** Phase 2: {@code burst} severity-3 tickets (8 h) filed so that their deadlines fall within one minute. */
    static void breachBurst(Connection db, KafkaProducer<String, String> producer, ServiceProcess service,
            String bootstrap, int burst, double eventsPerSecond) throws Exception {
        SendFailures failures = new SendFailures();
        long recordedBefore = recorded(service);
        // The minute of deadlines starts once the burst's clocks are surely stored (twice the time the load's rate
        // needs for them), so the lag measured is the scheduler's, not the consumer's.
        long ingest = (long) Math.ceil(2 * burst / eventsPerSecond);
        Instant first = Instant.now().plusSeconds(Math.max(60, ingest)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Instant> deadlines = new HashMap<>();
        for (int i = 0; i < burst; i++) {
            UUID ticket = UUID.randomUUID();
            Instant deadline = first.plusMillis(60_000L * i / burst);
            deadlines.put(ticket.toString(), deadline);
            producer.send(record(ticket, 3, deadline.minus(Duration.ofHours(8)), i),
                    failures.callback(ticket.toString()));
        }
        producer.flush();
        failures.report("burst");
        failures.tickets().forEach(deadlines::remove);
        burst -= failures.count();
        awaitClocks(db, service, recordedBefore + burst, Duration.ofHours(1));
        System.out.printf("burst: %,d clocks with deadlines from %s to %s stored (now %s)%n", burst, first,
                first.plusSeconds(60), Instant.now());
        Map<String, Integer> seen = new HashMap<>();
        List<Long> lags = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            consumer.subscribe(List.of("sla-breached"));
            long stop = first.plusSeconds(60 + 60).toEpochMilli();
            long settle = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(stop, settle)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Instant deadline = deadlines.get(record.key());
                    if (deadline != null && seen.merge(record.key(), 1, Integer::sum) == 1) {
                        lags.add(record.timestamp() - deadline.toEpochMilli());
                    }
                }
                if (seen.size() == burst && settle == Long.MAX_VALUE) {
                    settle = System.currentTimeMillis() + 5_000; // duplicates would show meanwhile
                }
            }
        }
        long duplicates = seen.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("burst: %,d of %,d breaches published, %d missed, %d duplicates, %d early%n", seen.size(), burst,
                burst - seen.size(), duplicates, Arrays.stream(sorted).filter(l -> l < 0).count());
        if (sorted.length > 0) {
            System.out.printf("burst: breach lag (published - deadline) p50 %d ms, p99 %d ms, max %d ms%n",
                    sorted[sorted.length / 2], sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)],
                    sorted[sorted.length - 1]);
        }
        try (Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("select count(*) filter (where fired_at is null), count(*) from clock_alarm")) {
            rows.next();
            System.out.printf("alarms: %,d planned in all, %,d still pending (warnings, breaches and escalations hours ahead)%n",
                    rows.getLong(2), rows.getLong(1));
        }
    }

    /**
     * Waits until the service has recorded {@code expected} new events (its counter {@code sla.ticket.events}, read
     * from /q/metrics: a cheap poll, unlike counting a million-row table every 200 ms, which cost PostgreSQL enough
     * CPU to slow the consumer it measures), then confirms the clocks once in the database. Each bench event is a
     * ticket-created of a new ticket of severity 3 or 4, so one recorded event is one clock.
     */
    /** The service's count of new ticket events it stored (committed), from /q/metrics. */
    static long recorded(ServiceProcess service) throws Exception {
        String metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(service.url() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher counter = RECORDED.matcher(metrics);
        return counter.find() ? (long) Double.parseDouble(counter.group(1)) : 0;
    }

    static long awaitClocks(Connection db, ServiceProcess service, long expected, Duration patience) throws Exception {
        long deadline = System.currentTimeMillis() + patience.toMillis();
        long recorded = 0;
        long lastReport = System.currentTimeMillis();
        while (recorded < expected) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(
                        "only " + recorded + " of " + expected + " events recorded within " + patience);
            }
            try {
                recorded = recorded(service);
            } catch (java.io.IOException e) {
                // the service is busy; next poll
            }
            if (System.currentTimeMillis() - lastReport > 30_000) {
                System.out.printf("  ... %,d of %,d events recorded%n", recorded, expected);
                lastReport = System.currentTimeMillis();
            }
            Thread.sleep(200);
        }
        try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery("select count(*) from response_clock")) {
            rows.next();
            long clocks = rows.getLong(1);
            if (clocks < expected) {
                throw new IllegalStateException(recorded + " events recorded but only " + clocks + " clocks stored");
            }
            return clocks;
        }
    }

    /**
     * A ticket-created v1 event as ticket-service publishes it. The envelope carries one extra attribute,
     * benchSentAtMs (CloudEvents extensions are allowed; the service keeps the envelope as received), so the
     * latency can be read from the database afterwards.
     */
    static ProducerRecord<String, String> record(UUID ticket, int severity, Instant createdAt, int n) {
        String value = """
                {"specversion":"1.0","id":"%s","type":"io.supportplatform.ticket-created.v1","source":"/ticket-service",\
                "time":"%s","subject":"%s","datacontenttype":"application/json","benchSentAtMs":%d,\
                "data":{"sequence":1,"ticketId":"%s","ticketNumber":"TCK-2026-%06d","systemId":"100001","severity":%d,\
                "subject":"Bench ticket","status":"NEW","createdBy":"bench","createdAt":"%s"}}"""
                .formatted(UUID.randomUUID(), createdAt, ticket, System.currentTimeMillis(), ticket, n % 1_000_000,
                        severity, createdAt);
        ProducerRecord<String, String> record = new ProducerRecord<>("ticket-created", ticket.toString(), value);
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * The generator's own failed sends (the producer gives up on a record after its delivery timeout): counted and
     * reported, and left out of what the service is expected to store, so that a lost send shows as the
     * generator's fault and never as a missed event or breach of the service.
     */
    static final class SendFailures {
        private final List<String> tickets = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile Exception first;

        org.apache.kafka.clients.producer.Callback callback(String ticket) {
            return (metadata, error) -> {
                if (error != null) {
                    tickets.add(ticket);
                    first = first == null ? error : first;
                }
            };
        }

        int count() {
            return tickets.size();
        }

        List<String> tickets() {
            return List.copyOf(tickets);
        }

        void report(String phase) {
            if (!tickets.isEmpty()) {
                System.out.printf("%s: %,d of the generator's sends failed (first: %s); they are not expected%n", phase,
                        tickets.size(), first);
            }
        }
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        return new KafkaProducer<>(config);
    }

    static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "sla-scale-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    /** Samples the service's RSS (/proc) and used heap (/q/metrics) once a second. */
    static final class Sampler {
        final ServiceProcess service;
        final HttpClient http = HttpClient.newHttpClient();
        volatile long maxRssMib;
        volatile long maxHeapMib;
        volatile boolean running = true;
        Thread thread;

        Sampler(ServiceProcess service) {
            this.service = service;
        }

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    maxRssMib = Math.max(maxRssMib, ProcessStats.rssMib(service.pid()));
                    try {
                        String metrics = http.send(HttpRequest.newBuilder(URI.create(service.url() + "/q/metrics")).build(),
                                HttpResponse.BodyHandlers.ofString()).body();
                        Matcher heap = HEAP.matcher(metrics);
                        double used = 0;
                        while (heap.find()) {
                            used += Double.parseDouble(heap.group(1));
                        }
                        maxHeapMib = Math.max(maxHeapMib, (long) (used / 1024 / 1024));
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // the service is busy; next sample
                    }
                }
            }, "sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
            thread.interrupt();
        }
    }
}
