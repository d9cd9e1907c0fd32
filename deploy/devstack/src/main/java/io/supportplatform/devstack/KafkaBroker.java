package io.supportplatform.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * Apache Kafka 4.4 in KRaft combined mode (broker + controller in one JVM) on 127.0.0.1, as a child process.
 * Single node, so every replication factor and min ISR is 1; topics are created on first use. The broker's
 * classpath comes from module {@code deploy/infra-artifacts} (the Quarkus BOM pins older Kafka jars).
 */
public final class KafkaBroker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());
    private static final String CLASSPATH_RESOURCE = "io/supportplatform/infra/kafka-broker.classpath";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private final boolean longRunning;
    private ChildProcess process;

    private KafkaBroker(Path dir, int port, int controllerPort, String classpath, boolean longRunning) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
        this.longRunning = longRunning;
    }

    /**
     * Formats the storage under {@code dir} on first use and starts the broker; returns once an AdminClient sees
     * the broker in the cluster metadata. Ports 0 mean free ports.
     */
    public static KafkaBroker start(Path dir, int port, int controllerPort) {
        return start(dir, port, controllerPort, false);
    }

    /**
     * As {@link #start(Path, int, int)}; {@code longRunning} (the local run) compiles the broker with the full tiered
     * JIT instead of C1 only: C1 starts faster, which is what short test runs need, but its code costs several times
     * the CPU per record at steady state (bench/ticket-intake: ~13 ms of broker CPU per filed ticket with C1 only).
     */
    public static KafkaBroker start(Path dir, int port, int controllerPort, boolean longRunning) {
        KafkaBroker broker = new KafkaBroker(dir.toAbsolutePath(), Ports.orFree(port), Ports.orFree(controllerPort),
                brokerClasspath(), longRunning);
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return dir.resolve("kafka.log");
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the (stopped) broker again on the same ports with the same data, e.g. after {@link #stop()}. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        long began = System.nanoTime();
        try {
            Path config = writeConfig();
            Path logDir = dir.resolve("data");
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(config);
            }
            List<String> command = javaCommand();
            command.add("kafka.Kafka");
            command.add(config.toString());
            process = ChildProcess.start("kafka", command, Map.of(), dir, logFile());
            try {
                awaitReady();
            } catch (IllegalStateException exited) {
                if (process.isAlive()) {
                    throw exited;
                }
                // Seen once in a full build: the broker JVM gone during start-up without a line of output.
                // One more start on the same ports and data; a second failure is reported as it is.
                LOG.log(System.Logger.Level.WARNING, "{0}\nStarting Kafka once more.", exited.getMessage());
                process = ChildProcess.start("kafka", command, Map.of(), dir, logFile());
                awaitReady();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare Kafka under " + dir, e);
        }
        LOG.log(System.Logger.Level.INFO, "Kafka ready on {0} in {1} ms", bootstrapServers(),
                Long.toString((System.nanoTime() - began) / 1_000_000));
    }

    /** Stops the broker gracefully (controlled shutdown); {@link #start()} brings it back on the same port. */
    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeConfig() throws IOException {
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dir.resolve("data").toString());
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", "3");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Consumers of a fresh group get partitions at once instead of after 3 s.
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        Path config = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config)) {
            p.store(out, "written by devstack KafkaBroker");
        }
        Files.writeString(dir.resolve("log4j2.properties"), """
                status = warn
                appender.out.type = Console
                appender.out.name = OUT
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = INFO
                rootLogger.appenderRef.out.ref = OUT
                logger.state.name = state.change.logger
                logger.state.level = WARN
                """);
        return config;
    }

    private void format(Path config) {
        List<String> command = javaCommand();
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", config.toString()));
        ChildProcess formatter = ChildProcess.start("kafka-storage-format", command, Map.of(), dir, logFile());
        int exit = formatter.waitFor(Duration.ofSeconds(60));
        if (exit != 0) {
            throw new IllegalStateException("Kafka storage format failed (exit " + exit + "):\n"
                    + formatter.logTail(30));
        }
    }

    private List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC"));
        if (!longRunning) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-Dkafka.logs.dir=" + dir.resolve("logs"),
                "-cp", classpath));
        return command;
    }

    private void awaitReady() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited during start-up:\n" + process.logTail(40));
                }
                try {
                    // Brokers appear in the metadata only once registered with the controller and unfenced.
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    // not ready yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for Kafka", e);
                }
                if (System.nanoTime() > deadline) {
                    process.stop(Duration.ofSeconds(5));
                    throw new IllegalStateException("Kafka not ready within " + READY_TIMEOUT + ":\n"
                            + process.logTail(40));
                }
                ChildProcess.sleep(200);
            }
        }
    }

    private static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " not on the classpath: build module "
                        + "deploy/infra-artifacts (./mvnw -pl deploy/infra-artifacts install)");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String jar : classpath.split(":")) {
                if (!Files.isRegularFile(Path.of(jar))) {
                    throw new IllegalStateException("Kafka broker jar missing: " + jar
                            + " (re-run ./mvnw -pl deploy/infra-artifacts install)");
                }
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "Kafka " + bootstrapServers();
    }
}
