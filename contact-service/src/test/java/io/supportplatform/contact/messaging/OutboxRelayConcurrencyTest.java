package io.supportplatform.contact.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.PublishedEvents;

/**
 * Several instances share one outbox: rows another instance has claimed are skipped, not waited for, and they
 * still go out once that instance lets go of them.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(PostgresTestResource.class)
class OutboxRelayConcurrencyTest {

    static final String TOPIC = "contact-outbox-relay-test";

    @Test
    void rowsClaimedByAnotherInstanceAreSkippedAndPublishedLater() throws Exception {
        String heldKey = String.valueOf(AccountEventsTest.NEXT_SYSTEM_ID.incrementAndGet()); // an account without row
        try (Connection otherInstance = connect()) {
            claimNewRow(otherInstance, heldKey);

            // An account opened now is published although an older row is locked by the "other instance".
            String systemId = AccountEventsTest.openAccount();
            PublishedEvents.awaitRecord(CustomerAccountChanged.TOPIC, systemId, Duration.ofSeconds(30));
            assertEquals(1, OutboxTable.pendingRows(heldKey), "the held row stays with its holder");

            otherInstance.rollback(); // the other instance gives up (e.g. it crashed)
        }

        // The next sweep takes the row over.
        PublishedEvents.awaitRecord(TOPIC, heldKey, Duration.ofSeconds(30));
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /**
     * Inserts a row and locks it as a relay round would. The sweep may grab the row between the two statements;
     * then try again with a new one.
     */
    private static void claimNewRow(Connection connection, String key) throws SQLException {
        connection.setAutoCommit(true);
        for (int attempt = 0; attempt < 5; attempt++) {
            UUID eventId = UUID.randomUUID();
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into outbox_event (id, aggregate_id, topic, type, payload, created_at) values (?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, eventId);
                insert.setString(2, key);
                insert.setString(3, TOPIC);
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
                        return;
                    }
                }
            }
            connection.commit(); // the relay was faster: it published and deleted that row
            connection.setAutoCommit(true);
        }
        throw new IllegalStateException("could not hold an outbox row against the relay");
    }
}
