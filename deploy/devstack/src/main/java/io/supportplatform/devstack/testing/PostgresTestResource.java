package io.supportplatform.devstack.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real PostgreSQL, one server per test JVM, and a fresh empty database for every start of this resource (i.e.
 * every Quarkus test application). Init arg {@code database} names the database instead (dropped and created
 * empty on each start). Tests of what a service does while its database is down can take the server down and
 * bring it back on the same port with its data with {@link #stopServer()} / {@link #startServer()} (restore it
 * in a finally block: the server is shared by every test class of the JVM).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> start() {
        Map<String, String> db = (Map<String, String>) JvmWide.call("postgresDatabase",
                new Class<?>[] { String.class }, database);
        return Map.of(
                "quarkus.datasource.reactive.url", db.get("reactiveUrl"),
                "quarkus.datasource.jdbc.url", db.get("jdbcUrl"),
                "quarkus.datasource.username", db.get("username"),
                "quarkus.datasource.password", db.get("password"));
    }

    @Override
    public void stop() {
        // The server is shared by the JVM; the database is simply left behind with the temp cluster.
    }

    /** Stops the server (fast shutdown: open connections are closed); clients see it gone until {@link #startServer()}. */
    public static void stopServer() {
        JvmWide.call("stopPostgres");
    }

    /** Restarts the server on the same port with its databases, returning once it accepts connections. */
    public static void startServer() {
        JvmWide.call("startPostgres");
    }
}
