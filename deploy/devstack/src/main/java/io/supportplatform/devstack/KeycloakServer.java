package io.supportplatform.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.supportplatform.devstack.keycloak.DatabaseSnapshots;
import io.supportplatform.devstack.keycloak.JavaRuntimes;
import io.supportplatform.devstack.keycloak.KeycloakDistribution;
import io.supportplatform.devstack.keycloak.KeycloakDistribution.HostLock;

/**
 * Keycloak 26 ({@code kc.sh start-dev}) as a child process on 127.0.0.1, running on a JDK 21+
 * ({@link JavaRuntimes}) from the host-wide cached distribution ({@link KeycloakDistribution}).
 * <p>
 * Every start begins with the realm exactly as the realm file says: the first start with a given realm file
 * imports it into an empty H2 database under {@code dataDir/home/data} ({@code --import-realm}) and saves that
 * database ({@link DatabaseSnapshots}); later starts copy the saved database instead of importing again. The
 * issuer is pinned with {@code KC_HOSTNAME=http://localhost:<port>}. The master realm's bootstrap admin is
 * {@value #ADMIN_USERNAME}/{@value #ADMIN_PASSWORD} (admin console at {@code <baseUrl>/admin}).
 * <p>
 * Start-up (measured on 2 busy cores): about 100 s the first time on a host (one-time re-augmentation of the cached
 * distribution, then import and restart), 40-60 s the first time with a changed realm file, otherwise 9-25 s.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "support";
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static final System.Logger LOG = System.getLogger(KeycloakServer.class.getName());
    /** Build-time options; changing them makes the next start re-augment the cached distribution. */
    private static final List<String> BUILD_OPTIONS = List.of("start-dev", "--health-enabled=true");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final int httpPort;
    private final int managementPort;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ChildProcess process;

    private KeycloakServer(int httpPort, int managementPort, Path logFile) {
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.logFile = logFile;
    }

    /**
     * Starts Keycloak with its state under {@code dataDir} (wiped first) and the realm of {@code realmFile}; returns
     * once it is ready and serves the {@value #REALM} realm. Ports 0 mean free ports.
     */
    public static KeycloakServer start(Path dataDir, int httpPort, int managementPort, Path realmFile) {
        long began = System.nanoTime();
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalArgumentException("no realm file " + realmFile.toAbsolutePath());
        }
        Path javaHome = JavaRuntimes.forKeycloak();
        Path dir = dataDir.toAbsolutePath();
        int chosenHttp = port("Keycloak HTTP", httpPort);
        int chosenManagement = port("Keycloak management", managementPort);
        while (managementPort == 0 && chosenManagement == chosenHttp) {
            chosenManagement = Ports.free();
        }
        KeycloakServer server = new KeycloakServer(chosenHttp, chosenManagement, dir.resolve("keycloak.log"));

        KeycloakDistribution distribution = KeycloakDistribution.locate();
        DatabaseSnapshots snapshots = DatabaseSnapshots.of(distribution);
        String buildKey = String.join(" ", BUILD_OPTIONS);
        String snapshot = snapshotKey(snapshots, realmFile, distribution);
        Path home = dir.resolve("home");
        HostLock lock = distribution.lock();
        try {
            distribution.unpackIfMissing();
            boolean augmented = distribution.isAugmentedFor(buildKey);
            if (augmented) {
                // Starts with matching build options only read the cache, so they may run in parallel.
                lock.close();
            } else {
                LOG.log(System.Logger.Level.INFO, "first Keycloak start with {0} on this host: it re-augments "
                        + "the distribution (about 100 s)", buildKey);
            }
            if (augmented && snapshots.exists(snapshot)) {
                distribution.createRunHome(home);
                snapshots.restore(snapshot, home.resolve("data/h2"));
                try {
                    server.launch(home, javaHome, false);
                    server.logReady(began);
                    return server;
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "Keycloak did not start from database snapshot {0}; "
                            + "discarding it and importing the realm file instead: {1}", snapshot, e.getMessage());
                    snapshots.discard(snapshot);
                }
            }
            distribution.createRunHome(home);
            // The import reads only files named <realm>-realm.json.
            Files.copy(realmFile, home.resolve("data/import").resolve(REALM + "-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            server.launch(home, javaHome, true);
            if (!augmented) {
                distribution.markAugmentedFor(buildKey);
            }
            // Saves the freshly imported database for the next starts; a consistent copy needs H2 shut down.
            server.close();
            snapshots.save(snapshot, home.resolve("data/h2"));
            server.launch(home, javaHome, false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare Keycloak under " + dir, e);
        } finally {
            lock.close();
        }
        server.logReady(began);
        return server;
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** The {@code iss} of the realm's tokens and the value for {@code quarkus.oidc.auth-server-url}. */
    public String issuerUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuerUrl() + "/protocol/openid-connect/token";
    }

    public int httpPort() {
        return httpPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path logFile() {
        return logFile;
    }

    /** The process-group leader ({@code kc.sh}, or the server JVM it was replaced by); -1 once stopped. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** SIGTERM to the whole process group (script and server JVM), SIGKILL if still there after 30 s. */
    @Override
    public synchronized void close() {
        if (process != null) {
            process.stop(STOP_GRACE);
            process = null;
        }
    }

    private synchronized void launch(Path home, Path javaHome, boolean importRealm) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--health-enabled=true"));
        if (importRealm) {
            command.add("--import-realm");
        }
        Map<String, String> env = Map.of(
                "JAVA_HOME", javaHome.toString(),
                "JAVA", javaHome.resolve("bin/java").toString(),
                "KC_HOSTNAME", baseUrl(),
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                // C1 only: starts in about half the time with less memory; peak speed does not matter here.
                "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        process = ChildProcess.start("keycloak", command, env, home, logFile);
        try {
            awaitReady();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void awaitReady() {
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (status(ready) != 200) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited during start-up:\n" + process.logTail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak not ready within " + READY_TIMEOUT + ":\n"
                        + process.logTail(40));
            }
            ChildProcess.sleep(500);
        }
        // Keycloak is ready even when the realm file held another realm; the services need this one.
        URI discovery = URI.create(issuerUrl() + "/.well-known/openid-configuration");
        int status = status(discovery);
        if (status != 200) {
            throw new IllegalStateException("Keycloak is up but realm '" + REALM + "' is not (" + discovery + " -> "
                    + status + "); check the realm file. Log:\n" + process.logTail(20));
        }
    }

    /** Drops the saved database of {@code realmFile}, e.g. of a realm file made up by a test. */
    static void discardSnapshot(Path realmFile) {
        KeycloakDistribution distribution = KeycloakDistribution.locate();
        DatabaseSnapshots snapshots = DatabaseSnapshots.of(distribution);
        snapshots.discard(snapshotKey(snapshots, realmFile, distribution));
    }

    private static String snapshotKey(DatabaseSnapshots snapshots, Path realmFile, KeycloakDistribution distribution) {
        return snapshots.key(realmFile, distribution, String.join(" ", BUILD_OPTIONS) + " admin=" + ADMIN_USERNAME);
    }

    private void logReady(long began) {
        LOG.log(System.Logger.Level.INFO, "Keycloak ready at {0} in {1} ms (log {2})", baseUrl(),
                (System.nanoTime() - began) / 1_000_000, logFile);
    }

    private int status(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for Keycloak", e);
        }
    }

    private static int port(String what, int requested) {
        if (requested != 0) {
            // Leaves a previous run's watchdog time to stop its Keycloak.
            Ports.requireFree(what, requested, Duration.ofSeconds(15));
        }
        return Ports.orFree(requested);
    }

    @Override
    public String toString() {
        return "Keycloak " + baseUrl();
    }
}
