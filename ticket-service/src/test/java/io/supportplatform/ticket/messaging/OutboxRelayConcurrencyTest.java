package io.supportplatform.ticket.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportplatform.ticket.Filings;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.devstack.testing.PublishedEvents;

/**
 * Several instances share one outbox: rows another instance has claimed are skipped, not waited for, and
 * they still go out once that instance lets go of them.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class OutboxRelayConcurrencyTest {

    static final String TOPIC = "outbox-relay-test";

    @Test
    void rowsClaimedByAnotherInstanceAreSkippedAndPublishedLater() throws Exception {
        UUID heldAggregate = UUID.randomUUID();
        try (Connection otherInstance = OutboxTable.connect()) {
            claimNewRow(otherInstance, heldAggregate);

            // A ticket filed now is published although an older row is locked by the "other instance".
            String ticketId = given().auth().oauth2(TestTokens.agent("alex"))
                    .contentType(ContentType.JSON)
                    .body(Filings.complete("100001", 2, "Login fails", "Nobody can log in."))
                    .when().post("/api/tickets")
                    .then().statusCode(201).extract().path("id");
            PublishedEvents.awaitRecord("ticket-created", ticketId, Duration.ofSeconds(30));
            assertEquals(1, OutboxTable.pendingRows(heldAggregate), "the held row stays with its holder");

            otherInstance.rollback(); // the other instance gives up (e.g. it crashed)
        }

        // The next sweep takes the row over.
        PublishedEvents.awaitRecord(TOPIC, heldAggregate.toString(), Duration.ofSeconds(30));
    }

    /**
     * Inserts a row and locks it as a relay round would. The sweep may grab the row between the two
     * statements; then try again with a new one.
     */
    private static void claimNewRow(Connection connection, UUID aggregateId) throws SQLException {
        connection.setAutoCommit(true);
        for (int attempt = 0; attempt < 5; attempt++) {
            UUID eventId = UUID.randomUUID();
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into outbox_event (id, aggregate_id, topic, type, payload, created_at) values (?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, eventId);
                insert.setString(2, aggregateId.toString());
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
