package io.supportplatform.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.supportplatform.devstack.KafkaBroker;
import io.supportplatform.devstack.MongoServer;
import io.supportplatform.devstack.PostgresServer;

/**
 * The servers behind the test resources, each started once per JVM on first use and stopped by a shutdown hook
 * (and, should the JVM be killed, by the child-process watchdogs). Its public methods take and return JDK types
 * only: the test resources call it through {@link JvmWide}, loaded by the system class loader, because Quarkus
 * loads test resources in per-application class loaders that must still share one broker and one database
 * server.
 */
public final class SharedInfrastructure {

    private static final Deque<AutoCloseable> STARTED = new ArrayDeque<>();
    private static Path baseDir;
    private static KafkaBroker kafka;
    private static PostgresServer postgres;
    private static MongoServer mongo;
    private static KeyPair oidcKeys;

    private SharedInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = register(KafkaBroker.start(dir("kafka"), 0, 0));
        }
        kafka.start();
        return kafka.bootstrapServers();
    }

    public static synchronized void stopKafka() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    /** Starts the broker again on the same port with the same data. */
    public static synchronized void startKafka() {
        kafkaBootstrapServers();
    }

    /**
     * Connection settings of a database for one test-resource start: {@code database} recreated empty, or a new
     * uniquely named one when {@code database} is null.
     */
    public static synchronized Map<String, String> postgresDatabase(String database) {
        if (postgres == null) {
            postgres = register(PostgresServer.start(dir("postgres"), 0, true));
        }
        String name = database;
        if (name == null) {
            name = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            postgres.createDatabase(name);
        } else {
            postgres.recreateDatabase(name);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("database", name);
        settings.put("host", postgres.host());
        settings.put("port", Integer.toString(postgres.port()));
        settings.put("jdbcUrl", postgres.jdbcUrl(name));
        settings.put("reactiveUrl", postgres.reactiveUrl(name));
        settings.put("username", PostgresServer.USER);
        settings.put("password", PostgresServer.PASSWORD);
        return settings;
    }

    /** Stops the PostgreSQL server, keeping its databases; a no-op if none was started. */
    public static synchronized void stopPostgres() {
        if (postgres != null) {
            postgres.stop();
        }
    }

    /** Starts the PostgreSQL server again on the same port with the same databases. */
    public static synchronized void startPostgres() {
        if (postgres != null) {
            postgres.start();
        }
    }

    public static synchronized String mongoConnectionString() {
        if (mongo == null) {
            mongo = register(MongoServer.startInMemory(0));
        }
        return mongo.connectionString();
    }

    /** RSA-2048 key pair made once per JVM for signing test tokens. */
    public static synchronized KeyPair oidcKeyPair() {
        if (oidcKeys == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                oidcKeys = generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return oidcKeys;
    }

    private static <T extends AutoCloseable> T register(T server) {
        STARTED.push(server);
        return server;
    }

    private static Path dir(String name) {
        try {
            if (baseDir == null) {
                baseDir = Files.createTempDirectory("devstack-test-");
                Runtime.getRuntime().addShutdownHook(new Thread(SharedInfrastructure::stopAll, "devstack-stop"));
            }
            return Files.createDirectories(baseDir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopAll() {
        synchronized (SharedInfrastructure.class) {
            while (!STARTED.isEmpty()) {
                try {
                    STARTED.pop().close();
                } catch (Exception e) {
                    System.err.println("devstack: stopping a test server failed: " + e);
                }
            }
            deleteQuietly(baseDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir; the OS cleans it eventually
        }
    }
}
