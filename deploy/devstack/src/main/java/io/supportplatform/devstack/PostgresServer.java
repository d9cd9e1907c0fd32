package io.supportplatform.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL (io.zonky embedded binaries, linux-amd64) on 127.0.0.1, with the platform's role
 * {@code support}/{@code support} owning one database per service. pg_ctl runs the postmaster detached from this
 * JVM, so a {@link Watchdog} guards it by the PID in {@code postmaster.pid}.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "support";
    public static final String PASSWORD = "support";
    public static final List<String> SERVICE_DATABASES = List.of("ticket", "sla", "contact", "notification");

    private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Path dataDir;
    private final Path log;
    private final int port;
    private final boolean fresh;
    private EmbeddedPostgres postgres;
    private long postmasterPid;
    private Watchdog watchdog;

    private PostgresServer(Path dir, int port, boolean fresh) {
        this.dataDir = dir.toAbsolutePath().resolve("data");
        this.log = dir.toAbsolutePath().resolve("postgres.log");
        this.port = port;
        this.fresh = fresh;
    }

    /**
     * Starts PostgreSQL with its cluster under {@code dir/data} (kept across runs unless {@code fresh}) and the
     * server log in {@code dir/postgres.log}; port 0 means a free port. Creates the role and the service
     * databases if missing.
     */
    public static PostgresServer start(Path dir, int port, boolean fresh) {
        PostgresServer server = new PostgresServer(dir, Ports.orFree(port), fresh);
        if (fresh) {
            deleteTree(server.dataDir);
        }
        server.start();
        server.ensureRole();
        for (String database : SERVICE_DATABASES) {
            server.createDatabase(database);
        }
        return server;
    }

    /**
     * Starts the server again after {@link #stop()}, on the same port with the same cluster; returns once it
     * accepts connections. Does nothing while it runs.
     */
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        long began = System.nanoTime();
        try {
            Files.createDirectories(dataDir.getParent());
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    // Never wiped by zonky (which would do so on close): stop() keeps the cluster for a restart;
                    // a fresh server's cluster is wiped here on start and on close.
                    .setCleanDataDirectory(false)
                    // We stop it ourselves (JVM hook or watchdog); zonky's own hook would race ours.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "off")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL under " + dataDir + " (log: " + log + ")", e);
        }
        postmasterPid = postmasterPid(dataDir);
        watchdog = Watchdog.guardPostmaster(postmasterPid);
        LOG.log(System.Logger.Level.INFO, "PostgreSQL ready on port {0} in {1} ms",
                Integer.toString(port), Long.toString((System.nanoTime() - began) / 1_000_000));
    }

    /**
     * Stops the server (fast shutdown: open connections are closed), keeping its cluster, so that clients see it
     * gone until {@link #start()}; returns once the postmaster has exited and the port is free.
     */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        long postmaster = postmasterPid;
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "PostgreSQL did not stop cleanly", e);
        }
        postgres = null;
        // pg_ctl may return before the postmaster has exited; make "stopped" mean gone and the port free.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (Signals.running(postmaster) && System.nanoTime() < deadline) {
            ChildProcess.sleep(50);
        }
        if (Signals.running(postmaster)) {
            LOG.log(System.Logger.Level.WARNING, "postmaster {0} still running; killing it", Long.toString(postmaster));
            Signals.sendToGroup(postmaster, "KILL");
        }
        watchdog.close();
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host() + ":" + port() + "/" + database;
    }

    public synchronized long postmasterPid() {
        return postmasterPid;
    }

    /** Creates {@code database} owned by {@value #USER} unless it exists. */
    public void createDatabase(String database) {
        requireName(database);
        try (Connection c = running().getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database + " OWNER " + USER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    /** Drops {@code database} (closing its connections) and creates it empty. */
    public void recreateDatabase(String database) {
        requireName(database);
        try (Connection c = running().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("could not recreate database " + database, e);
        }
    }

    /** Stops the server; a fresh one's cluster is deleted with it. */
    @Override
    public void close() {
        stop();
        if (fresh) {
            deleteTree(dataDir);
        }
    }

    private void ensureRole() {
        try (Connection c = running().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create role " + USER, e);
        }
    }

    private static void requireName(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
    }

    private synchronized EmbeddedPostgres running() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is stopped");
        }
        return postgres;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }

    private static long postmasterPid(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the postmaster PID under " + dataDir, e);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL 127.0.0.1:" + port();
    }
}
