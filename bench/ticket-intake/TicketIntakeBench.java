import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Files tickets through the gateway with a real Keycloak token at several concurrency levels, each for a
 * bounded time, and prints tickets/s, p50/p99 latency, errors, and the time from the 201 to the ticket-created
 * event being readable on Kafka (issue 3, item 11). Single-file program: see README.md for the command.
 */
public class TicketIntakeBench {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String gateway = env.getOrDefault("GATEWAY_URL", "http://localhost:8080");
        String tokenUrl = env.getOrDefault("TOKEN_URL",
                "http://localhost:8180/realms/support/protocol/openid-connect/token");
        String kafka = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:19092");
        Duration duration = Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCH_SECONDS", "20")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCH_WARMUP_SECONDS", "10")));
        List<Level> levels = (args.length > 0 ? List.of(args) : List.of("1", "8", "32")).stream()
                .map(Level::parse).toList();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        EventWatch events = new EventWatch(kafka);
        events.start();

        System.out.printf("gateway %s, %s per level (after %s warm-up), Kafka %s%n", gateway, duration, warmup, kafka);
        run(http, gateway, tokenUrl, events, new Level(8, 0), warmup, false);
        System.out.printf("%-8s %9s %10s %9s %9s %9s %8s %12s %12s %8s%n", "clients", "offered/s", "tickets",
                "tickets/s", "p50 ms", "p99 ms", "errors", "event p50 ms", "event p99 ms", "no event");
        for (Level level : levels) {
            run(http, gateway, tokenUrl, events, level, duration, true);
        }
        events.stop();
    }

    /**
     * A load level: {@code clients} concurrent connections, each sending its next filing as soon as the last is
     * answered (closed loop, {@code rate} 0: measures the most the platform serves), or, written
     * {@code clients@rate}, together offering a fixed {@code rate} of filings per second (open loop, like wrk2:
     * measures the latency users see at that load). At a fixed rate a filing's latency counts from when it was
     * due, not from when a client that was still waiting for an earlier answer got round to sending it, so a
     * stall shows in the percentiles instead of silently lowering the load (coordinated omission).
     */
    record Level(int clients, double rate) {
        static Level parse(String spec) {
            String[] parts = spec.split("@", 2);
            return new Level(Integer.parseInt(parts[0]), parts.length > 1 ? Double.parseDouble(parts[1]) : 0);
        }
    }

    static void run(HttpClient http, String gateway, String tokenUrl, EventWatch events, Level level,
            Duration duration, boolean print) throws Exception {
        int clients = level.clients();
        // Each client's filings are due every clients/rate seconds, the clients staggered evenly within that.
        long interval = level.rate() > 0 ? Math.round(1e9 * clients / level.rate()) : 0;
        String token = token(http, tokenUrl); // fresh for each level: Keycloak's tokens live 15 minutes
        String systemId = claim(token, "system_id");
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicLong errorCount = new AtomicLong();
        List<String> filed = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(clients);
        URI gatewayUri = URI.create(gateway);
        String path = gatewayUri.getRawPath().replaceAll("/$", "") + "/api/tickets";
        String authorization = "Bearer " + token;
        long began = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long firstDue = began + interval * c / clients;
            daemon(() -> {
                try (Connection connection = new Connection(gatewayUri)) {
                    for (long due = firstDue; !stop.get(); due += interval) {
                        if (interval > 0) {
                            LockSupport.parkNanos(due - System.nanoTime());
                            if (stop.get()) {
                                break;
                            }
                        }
                        byte[] body = filing(systemId).getBytes(UTF_8);
                        long start = interval > 0 ? due : System.nanoTime();
                        try {
                            Connection.Response response = connection.post(path, authorization, body);
                            long answered = System.nanoTime();
                            if (response.status() == 201) {
                                latencies.add(answered - start);
                                Matcher id = ID.matcher(response.body());
                                if (id.find()) {
                                    events.expect(id.group(1), answered);
                                    filed.add(id.group(1));
                                }
                            } else {
                                errorCount.incrementAndGet();
                                if (errors.size() < 3) {
                                    errors.add(response.status() + " " + response.body());
                                }
                            }
                        } catch (Exception e) {
                            connection.close(); // reconnects on the next request
                            errorCount.incrementAndGet();
                            if (errors.size() < 3) {
                                errors.add(e.toString());
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        done.await();
        double seconds = (System.nanoTime() - began) / 1e9;

        // Every filed ticket's event, waited for at most 30 s after the last 201.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (events.missing(filed) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (!print) {
            return;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        List<Long> eventLags = events.lags(filed);
        System.out.printf(Locale.ROOT, "%-8d %9s %10d %9.1f %9.1f %9.1f %8d %12.1f %12.1f %8d%n", clients,
                level.rate() > 0 ? String.format(Locale.ROOT, "%.0f", level.rate()) : "max", sorted.size(),
                sorted.size() / seconds, percentile(sorted, 50), percentile(sorted, 99), errorCount.get(),
                percentile(eventLags, 50), percentile(eventLags, 99), events.missing(filed));
        errors.forEach(error -> System.out.println("  error: " + error.substring(0, Math.min(300, error.length()))));
    }

    static Thread daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static double percentile(List<Long> sortedNanos, int percentile) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    static String token(HttpClient http, String tokenUrl) throws Exception {
        String form = "grant_type=password&client_id=support-portal&username="
                + URLEncoder.encode(System.getenv().getOrDefault("BENCH_USER", "anna"), UTF_8)
                + "&password=" + URLEncoder.encode(System.getenv().getOrDefault("BENCH_PASSWORD", "demo"), UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No token from " + tokenUrl + ": " + response.statusCode() + " "
                    + response.body());
        }
        return token.group(1);
    }

    static String claim(String jwt, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), UTF_8);
        Matcher claim = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
        if (!claim.find()) {
            throw new IllegalStateException("The token carries no " + name + ": " + payload);
        }
        return claim.group(1);
    }

    /** A filing with every P5 item, so it is complete at any severity. */
    static String filing(String systemId) {
        return """
                {"systemId":"%s","severity":2,"subject":"Bench %s","description":"Agents cannot log in since the update.",
                 "products":[{"name":"Support Server","version":"7.2","patches":["7.2.1"]}],
                 "platforms":[{"name":"SUSE Linux Enterprise Server","version":"15 SP5"}],
                 "environment":"Two application servers behind a load balancer.",
                 "reproductionSteps":"Log in as any agent.","affectedDevices":[{"groupId":"G-1","deviceId":"D-1"}],
                 "errorMessages":["E-401: license check failed"],"desiredResult":"Agents can log in.",
                 "region":"EMEA","channel":"API","licenseCode":"%s-AB12"}
                """.formatted(systemId, UUID.randomUUID(), systemId);
    }

    /**
     * One client's keep-alive HTTP/1.1 connection over a plain socket: a request is a few writes, a response a
     * status line, headers and a Content-Length (or chunked) body. java.net.http cost the generator, which shares
     * the two cores with the platform, more CPU per request than the gateway spends (README, round 3).
     */
    static final class Connection implements AutoCloseable {
        record Response(int status, String body) {
        }

        private final String host;
        private final int port;
        private java.net.Socket socket;
        private java.io.InputStream in;
        private java.io.OutputStream out;

        Connection(URI uri) {
            this.host = uri.getHost();
            this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        }

        Response post(String path, String authorization, byte[] body) throws java.io.IOException {
            if (socket == null) {
                socket = new java.net.Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new java.net.InetSocketAddress(host, port), 5_000);
                socket.setSoTimeout(30_000);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 16_384);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16_384);
            }
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: "
                    + authorization + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(UTF_8));
            out.write(body);
            out.flush();
            String statusLine = line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new java.io.IOException("Not an HTTP response: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            boolean keepAlive = parts[0].equals("HTTP/1.1");
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    content.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                content.write(in.readNBytes((int) length));
            } else {
                content.write(in.readAllBytes());
                keepAlive = false;
            }
            if (!keepAlive) {
                close();
            }
            return new Response(status, content.toString(UTF_8));
        }

        private String line() throws java.io.IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new java.io.EOFException("Connection closed by the gateway");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (java.io.IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    /** Reads ticket-created from the end of the topic and notes when each expected ticket's event arrives. */
    static final class EventWatch {
        private final KafkaConsumer<String, String> consumer;
        private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        private final Map<String, Long> lag = new ConcurrentHashMap<>();
        private final Map<String, Long> early = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        EventWatch(String bootstrap) {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, "ticket-intake-bench-" + UUID.randomUUID());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            // The default fetch wait (500 ms) delays nothing: the broker answers a waiting fetch as soon as a record
            // arrives. A short wait only made the idle broker answer empty fetches 100 times a second.
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(config);
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor("ticket-created", Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(partition.topic(), partition.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve "end" now, before anything is filed
        }

        void start() {
            thread = daemon(() -> {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        long seen = System.nanoTime();
                        synchronized (this) { // with expect(): an event and its 201 arriving at once are matched
                            Long answered = answeredAt.get(record.key());
                            if (answered != null) {
                                lag.putIfAbsent(record.key(), Math.max(0, seen - answered));
                            } else {
                                early.putIfAbsent(record.key(), seen); // the event beat the 201 to us
                            }
                        }
                    }
                }
                consumer.close();
            });
        }

        synchronized void expect(String ticketId, long answered) {
            answeredAt.put(ticketId, answered);
            Long seen = early.remove(ticketId);
            if (seen != null) {
                lag.putIfAbsent(ticketId, 0L);
            }
        }

        long missing(List<String> ticketIds) {
            synchronized (ticketIds) {
                return ticketIds.stream().filter(id -> !lag.containsKey(id)).count();
            }
        }

        List<Long> lags(List<String> ticketIds) {
            List<Long> found = new ArrayList<>();
            synchronized (ticketIds) {
                ticketIds.stream().map(lag::get).filter(l -> l != null).forEach(found::add);
            }
            Collections.sort(found);
            return found;
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }
    }
}
