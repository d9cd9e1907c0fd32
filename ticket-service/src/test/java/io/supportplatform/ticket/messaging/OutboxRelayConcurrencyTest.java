package io.supportplatform.ticket.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportplatform.ticket.Filings;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.OutboxRows;
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
        String heldAggregate = UUID.randomUUID().toString();
        try (Connection otherInstance = OutboxRows.holdNewRow(TOPIC, heldAggregate)) {
            // A ticket filed now is published although an older row is locked by the "other instance".
            String ticketId = given().auth().oauth2(TestTokens.agent("alex"))
                    .contentType(ContentType.JSON)
                    .body(Filings.complete("100001", 2, "Login fails", "Nobody can log in."))
                    .when().post("/api/tickets")
                    .then().statusCode(201).extract().path("id");
            PublishedEvents.awaitRecord("ticket-created", ticketId, Duration.ofSeconds(30));
            assertEquals(1, OutboxRows.pending(heldAggregate), "the held row stays with its holder");

            otherInstance.rollback(); // the other instance gives up (e.g. it crashed)
        }

        // The next sweep takes the row over.
        PublishedEvents.awaitRecord(TOPIC, heldAggregate, Duration.ofSeconds(30));
    }
}
