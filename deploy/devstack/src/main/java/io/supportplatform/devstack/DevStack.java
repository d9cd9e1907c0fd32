package io.supportplatform.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The whole platform on one machine without Docker: Kafka, PostgreSQL, the MongoDB-wire server and Keycloak,
 * then the six packaged services as separate JVMs wired to them through the environment variables of
 * docs/DEVELOPMENT.md. Used by the local run ({@link LocalRun}: fixed ports, data kept under
 * {@code <repo>/.devstack/}) and by the end-to-end tests ({@link Options#forTests}: free ports, a temp dir).
 * <p>
 * Each infrastructure piece is replaced by an external instance when its variable is set in
 * {@link Options#env()}: {@code KAFKA_BOOTSTRAP_SERVERS}, {@code POSTGRES_HOST} (with {@code POSTGRES_PORT},
 * {@code POSTGRES_USER}, {@code POSTGRES_PASSWORD}), {@code MONGODB_URI}, {@code OIDC_AUTH_SERVER_URL}.
 * {@link #close()} stops everything in reverse order; child processes also die with this JVM (watchdogs).
 */
public final class DevStack implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DevStack.class.getName());

    /** Ports of the stack; 0 means "pick a free one". */
    public record PortPlan(Map<Service, Integer> services, int kafka, int kafkaController, int postgres, int mongo,
            int keycloakHttp, int keycloakManagement) {

        /** The fixed ports of docs/DEVELOPMENT.md. */
        public static PortPlan localRun() {
            Map<Service, Integer> services = new EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                services.put(s, s.localPort());
            }
            return new PortPlan(services, 19092, 19093, 15432, 27018, 8180, 9180);
        }

        public static PortPlan free() {
            Map<Service, Integer> services = new EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                services.put(s, 0);
            }
            return new PortPlan(services, 0, 0, 0, 0, 0, 0);
        }
    }

    /**
     * How to run the stack.
     *
     * @param keepData keep Kafka, PostgreSQL and MongoDB data in {@code dataDir} across runs (local run)
     * @param requireAllServices fail when a service jar is missing or a service does not get ready (tests);
     *        otherwise skip or report it and keep the rest running (local run)
     */
    public record Options(Path repoRoot, Path dataDir, PortPlan ports, Map<String, String> env, Set<Service> services,
            boolean keepData, boolean requireAllServices, Duration serviceReadyTimeout) {

        public static Options localRun(Path repoRoot) {
            Path root = repoRoot.toAbsolutePath().normalize();
            return new Options(root, root.resolve(".devstack"), PortPlan.localRun(), System.getenv(),
                    EnumSet.allOf(Service.class), true, false, Duration.ofMinutes(3));
        }

        public static Options forTests(Path repoRoot, Path dataDir) {
            return new Options(repoRoot.toAbsolutePath().normalize(), dataDir.toAbsolutePath(), PortPlan.free(),
                    System.getenv(), EnumSet.allOf(Service.class), false, true, Duration.ofMinutes(3));
        }

        public Options withServices(Set<Service> selected) {
            Set<Service> copy = selected.isEmpty() ? EnumSet.noneOf(Service.class) : EnumSet.copyOf(selected);
            return new Options(repoRoot, dataDir, ports, env, copy, keepData, requireAllServices, serviceReadyTimeout);
        }

        public Options withEnv(Map<String, String> environment) {
            return new Options(repoRoot, dataDir, ports, Map.copyOf(environment), services, keepData,
                    requireAllServices, serviceReadyTimeout);
        }

        public Options withPorts(PortPlan plan) {
            return new Options(repoRoot, dataDir, plan, env, services, keepData, requireAllServices,
                    serviceReadyTimeout);
        }

        public Path realmFile() {
            return repoRoot.resolve("deploy/keycloak/support-realm.json");
        }

        String variable(String name) {
            String value = env.get(name);
            return value == null || value.isBlank() ? null : value;
        }
    }

    private final Options options;
    private final Map<String, Duration> startTimes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<Service, ServiceProcess> services = Collections.synchronizedMap(new EnumMap<>(Service.class));
    private final Map<Service, String> serviceFailures = Collections.synchronizedMap(new EnumMap<>(Service.class));
    private final Map<Service, Integer> chosenServicePorts = new EnumMap<>(Service.class);
    private volatile KafkaBroker kafka;
    private volatile PostgresServer postgres;
    private volatile MongoServer mongo;
    private volatile KeycloakServer keycloak;
    private volatile boolean closed;

    private String kafkaBootstrapServers;
    private String postgresHost;
    private int postgresPort;
    private String postgresUser;
    private String postgresPassword;
    private String mongoUri;
    private String issuerUrl;

    private DevStack(Options options) {
        this.options = options;
    }

    /** Starts infrastructure and services; on failure stops what it started and rethrows. */
    public static DevStack start(Options options) {
        DevStack stack = create(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * A stack that has not started anything yet, so that a caller can install a shutdown hook calling
     * {@link #close()} before {@link #startAll()} (Ctrl-C during start-up then stops what is already up).
     */
    public static DevStack create(Options options) {
        return new DevStack(options);
    }

    public void startAll() {
        startInfrastructure();
        startServices();
    }

    private void startInfrastructure() {
        Options o = options;
        PortPlan ports = o.ports();
        Path data = o.dataDir();
        List<CompletableFuture<?>> pieces = new ArrayList<>();

        kafkaBootstrapServers = o.variable("KAFKA_BOOTSTRAP_SERVERS");
        if (kafkaBootstrapServers == null) {
            pieces.add(async("kafka", () -> {
                requireFree("Kafka", ports.kafka());
                requireFree("Kafka controller", ports.kafkaController());
                // the local run (which keeps its data) runs for long: full JIT for its steady state
                kafka = KafkaBroker.start(data.resolve("kafka"), ports.kafka(), ports.kafkaController(), o.keepData());
                kafkaBootstrapServers = kafka.bootstrapServers();
                return kafka;
            }));
        }

        postgresHost = o.variable("POSTGRES_HOST");
        if (postgresHost == null) {
            pieces.add(async("postgres", () -> {
                requireFree("PostgreSQL", ports.postgres());
                postgres = PostgresServer.start(data.resolve("postgres"), ports.postgres(), !o.keepData());
                postgresHost = postgres.host();
                postgresPort = postgres.port();
                postgresUser = PostgresServer.USER;
                postgresPassword = PostgresServer.PASSWORD;
                return postgres;
            }));
        } else {
            postgresPort = Integer.parseInt(orDefault(o.variable("POSTGRES_PORT"), "5432"));
            postgresUser = orDefault(o.variable("POSTGRES_USER"), PostgresServer.USER);
            postgresPassword = orDefault(o.variable("POSTGRES_PASSWORD"), PostgresServer.PASSWORD);
        }

        issuerUrl = o.variable("OIDC_AUTH_SERVER_URL");
        if (issuerUrl == null) {
            pieces.add(async("keycloak", () -> {
                keycloak = KeycloakServer.start(data.resolve("keycloak"), ports.keycloakHttp(),
                        ports.keycloakManagement(), o.realmFile());
                issuerUrl = keycloak.issuerUrl();
                return keycloak;
            }));
        }

        mongoUri = o.variable("MONGODB_URI");
        if (mongoUri == null) {
            long began = System.nanoTime();
            requireFree("MongoDB-wire server", ports.mongo());
            mongo = o.keepData() ? MongoServer.startPersistent(data.resolve("mongo"), ports.mongo())
                    : MongoServer.startInMemory(ports.mongo());
            mongoUri = mongo.connectionString();
            startTimes.put("mongo", Duration.ofNanos(System.nanoTime() - began));
        }

        try {
            CompletableFuture.allOf(pieces.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            // Let the other pieces finish starting so close() stops them too.
            pieces.forEach(p -> p.handle((r, t) -> null).join());
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void startServices() {
        Map<String, String> env = serviceEnvironment();
        List<ServiceProcess> launched = new ArrayList<>();
        long began = System.nanoTime();
        for (Service service : options.services()) {
            Path jar = service.runnerJar(options.repoRoot());
            if (!Files.isRegularFile(jar)) {
                String why = "not built (" + jar + " missing; ./mvnw install -DskipTests)";
                if (options.requireAllServices()) {
                    throw new IllegalStateException(service.module() + " " + why);
                }
                serviceFailures.put(service, why);
                LOG.log(System.Logger.Level.WARNING, "skipping {0}: {1}", service.module(), why);
                continue;
            }
            int port = serviceUrlPort(service);
            Map<String, String> serviceEnv = new LinkedHashMap<>(env);
            serviceEnv.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            ServiceProcess process = ServiceProcess.launch(service, jar, port, serviceEnv,
                    options.dataDir().resolve("logs").resolve(service.module() + ".log"));
            services.put(service, process);
            launched.add(process);
        }
        List<CompletableFuture<?>> readiness = new ArrayList<>();
        for (ServiceProcess process : launched) {
            readiness.add(CompletableFuture.runAsync(() -> {
                try {
                    process.awaitReady(options.serviceReadyTimeout());
                    startTimes.put(process.service().module(), Duration.ofNanos(System.nanoTime() - began));
                } catch (RuntimeException e) {
                    if (options.requireAllServices()) {
                        throw e;
                    }
                    serviceFailures.put(process.service(), e.getMessage());
                    LOG.log(System.Logger.Level.WARNING, e.getMessage());
                }
            }, daemonExecutor()));
        }
        try {
            CompletableFuture.allOf(readiness.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The variables of docs/DEVELOPMENT.md that every service reads. */
    private Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("POSTGRES_HOST", postgresHost);
        env.put("POSTGRES_PORT", Integer.toString(postgresPort));
        env.put("POSTGRES_USER", postgresUser);
        env.put("POSTGRES_PASSWORD", postgresPassword);
        env.put("MONGODB_URI", mongoUri);
        env.put("OIDC_AUTH_SERVER_URL", issuerUrl);
        // The local run and the end-to-end tests start with the demo accounts, contacts and articles.
        env.put("DEMO_DATA", "true");
        // ticket-service's attachment files, kept with the run's other data
        env.put("ATTACHMENTS_DIR", options.dataDir().resolve("attachments").toString());
        for (Service service : Service.values()) {
            if (service.urlVariable() != null) {
                env.put(service.urlVariable(), "http://localhost:" + serviceUrlPort(service));
            }
        }
        return env;
    }

    /** The port of a service, chosen once (free ports are picked on first use so the gateway can be told). */
    private synchronized int serviceUrlPort(Service service) {
        return chosenServicePorts.computeIfAbsent(service, s -> {
            int requested = options.ports().services().getOrDefault(s, 0);
            requireFree(s.module(), requested);
            return Ports.orFree(requested);
        });
    }

    // ---- what the stack exposes -------------------------------------------------------------------------------

    public Options options() {
        return options;
    }

    public String gatewayUrl() {
        return serviceUrl(Service.GATEWAY);
    }

    public String serviceUrl(Service service) {
        return "http://localhost:" + serviceUrlPort(service);
    }

    /** Services started and ready (in the local run, failed ones are in {@link #serviceFailures()}). */
    public Map<Service, ServiceProcess> services() {
        Map<Service, ServiceProcess> ready = new EnumMap<>(Service.class);
        services.forEach((s, p) -> {
            if (!serviceFailures.containsKey(s)) {
                ready.put(s, p);
            }
        });
        return ready;
    }

    /** Services not started or not ready, with the reason. */
    public Map<Service, String> serviceFailures() {
        return Map.copyOf(serviceFailures);
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String postgresJdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + database;
    }

    public String postgresUser() {
        return postgresUser;
    }

    public String postgresPassword() {
        return postgresPassword;
    }

    public String mongoUri() {
        return mongoUri;
    }

    /** The realm's issuer ({@code .../realms/support}), also the services' {@code OIDC_AUTH_SERVER_URL}. */
    public String issuerUrl() {
        return issuerUrl;
    }

    /** Keycloak's base URL (admin console at {@code /admin}). */
    public String keycloakUrl() {
        int realms = issuerUrl.indexOf("/realms/");
        return realms < 0 ? issuerUrl : issuerUrl.substring(0, realms);
    }

    public String tokenEndpoint() {
        return issuerUrl + "/protocol/openid-connect/token";
    }

    /** The broker started by this stack, or null when an external one is used. */
    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public MongoServer mongo() {
        return mongo;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    /** How long each piece took to get ready (services: from the launch of all of them). */
    public Map<String, Duration> startTimes() {
        synchronized (startTimes) {
            return new LinkedHashMap<>(startTimes);
        }
    }

    /** Stops services (in parallel), then Keycloak, MongoDB, PostgreSQL and Kafka. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ServiceProcess> running;
        synchronized (services) {
            running = new ArrayList<>(services.values());
        }
        CompletableFuture.allOf(running.stream()
                .map(p -> CompletableFuture.runAsync(() -> quietly(p.service().module(), p), daemonExecutor()))
                .toArray(CompletableFuture[]::new)).join();
        quietly("keycloak", keycloak);
        quietly("mongo", mongo);
        quietly("postgres", postgres);
        quietly("kafka", kafka);
    }

    private static void quietly(String what, AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "stopping " + what + " failed", e);
        }
    }

    private <T> CompletableFuture<T> async(String name, Supplier<T> start) {
        return CompletableFuture.supplyAsync(() -> {
            long began = System.nanoTime();
            T started = start.get();
            startTimes.put(name, Duration.ofNanos(System.nanoTime() - began));
            return started;
        }, daemonExecutor());
    }

    /** Daemon threads: a start-up still waiting must not keep the JVM from exiting on Ctrl-C. */
    private static java.util.concurrent.Executor daemonExecutor() {
        return task -> {
            Thread t = new Thread(task, "devstack-start");
            t.setDaemon(true);
            t.start();
        };
    }

    private void requireFree(String what, int port) {
        if (port != 0) {
            // A previous run killed with -9 is cleaned up by its watchdogs within seconds.
            Ports.requireFree(what, port, Duration.ofSeconds(15));
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
