package io.supportplatform.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void serviceRoleOwnsItsDatabasesAndStopEndsThePostmaster() throws Exception {
        PostgresServer server = PostgresServer.start(dir, 0, true);
        long postmaster = server.postmasterPid();
        int port = server.port();
        try {
            for (String db : PostgresServer.SERVICE_DATABASES) {
                assertEquals(db, roundTrip(server.jdbcUrl(db)));
            }
            server.createDatabase("asked_by_a_test");
            assertEquals("asked_by_a_test", roundTrip(server.jdbcUrl("asked_by_a_test")));
            assertTrue(Signals.running(postmaster));
        } finally {
            server.close();
        }
        assertFalse(Signals.running(postmaster), "postmaster gone after close");
        assertFalse(Ports.inUse(port), "port released after close");
    }

    @Test
    void keepsDataAcrossRestartsUnlessFresh() throws Exception {
        // 'fresh' also wipes the cluster on close, so the local run's kept cluster starts non-fresh.
        try (PostgresServer server = PostgresServer.start(dir, 0, false)) {
            exec(server.jdbcUrl("ticket"), "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
        }
        try (PostgresServer server = PostgresServer.start(dir, 0, false);
             Connection c = DriverManager.getConnection(server.jdbcUrl("ticket"), "support", "support");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void stopAndStartKeepThePortAndTheDataOfAFreshServer() throws Exception {
        try (PostgresServer server = PostgresServer.start(dir, 0, true)) {
            int port = server.port();
            exec(server.jdbcUrl("sla"), "CREATE TABLE kept (v int); INSERT INTO kept VALUES (7)");
            long postmaster = server.postmasterPid();
            server.stop();
            assertFalse(Signals.running(postmaster), "postmaster gone after stop");
            assertFalse(Ports.inUse(port), "port released after stop");
            server.start();
            assertEquals(port, server.port());
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("sla"), "support", "support");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
                assertTrue(rs.next());
                assertEquals(7, rs.getInt(1));
            }
        }
        assertFalse(Files.exists(dir.resolve("data")), "a fresh server's cluster deleted on close");
    }

    /** Creates a table as the service role, writes and reads a row; returns the current database name. */
    private static String roundTrip(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "support", "support");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE probe (id serial PRIMARY KEY, note text NOT NULL)");
            s.execute("INSERT INTO probe (note) VALUES ('hello')");
            try (ResultSet rs = s.executeQuery("SELECT note, current_database(), current_user FROM probe")) {
                assertTrue(rs.next());
                assertEquals("hello", rs.getString(1));
                assertEquals("support", rs.getString(3));
                return rs.getString(2);
            }
        }
    }

    private static void exec(String jdbcUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "support", "support");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
