package io.supportplatform.devstack.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The outbox table ({@code outbox_event} of libs/outbox, which each producing service creates) of the service under
 * test, over plain JDBC: what is still pending, and a row held the way another relay instance holds the rows it
 * claimed. For {@code @QuarkusTest}s with {@link PostgresTestResource}.
 */
public final class OutboxRows {

    private OutboxRows() {
    }

    /** A new connection to the service's database, as its configuration names it. */
    public static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** Rows of the aggregate not yet published. */
    public static int pending(String aggregateId) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from outbox_event where aggregate_id = ?")) {
            query.setString(1, aggregateId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /**
     * Inserts a row for {@code topic} and locks it as a relay round would, in the open transaction of the returned
     * connection: {@code rollback()} (or closing it) lets go, as an instance that gave up or crashed. The relay's
     * sweep may grab the row between insert and lock; then it tries again with a new one.
     */
    public static Connection holdNewRow(String topic, String aggregateId) throws SQLException {
        Connection connection = connect();
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                connection.setAutoCommit(true);
                UUID eventId = UUID.randomUUID();
                try (PreparedStatement insert = connection.prepareStatement("insert into outbox_event"
                        + " (id, aggregate_id, topic, type, payload, created_at) values (?, ?, ?, ?, ?, ?)")) {
                    insert.setObject(1, eventId);
                    insert.setString(2, aggregateId);
                    insert.setString(3, topic);
                    insert.setString(4, "io.supportplatform.relay-test.v1");
                    insert.setString(5, "{\"id\":\"" + eventId + "\"}");
                    insert.setTimestamp(6, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
                connection.setAutoCommit(false);
                try (PreparedStatement lock = connection.prepareStatement(
                        "select id from outbox_event where id = ? for update")) {
                    lock.setObject(1, eventId);
                    try (ResultSet locked = lock.executeQuery()) {
                        if (locked.next()) {
                            return connection;
                        }
                    }
                }
                connection.commit(); // the relay was faster: it published and deleted that row
            }
            throw new IllegalStateException("could not hold an outbox row against the relay");
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
