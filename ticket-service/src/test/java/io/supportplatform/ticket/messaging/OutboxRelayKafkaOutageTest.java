package io.supportplatform.ticket.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

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
import io.supportplatform.devstack.testing.OutboxRows;

/** The transactional outbox keeps filing available while Kafka is down, and nothing is lost. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class OutboxRelayKafkaOutageTest {

    @Test
    void ticketFiledWhileKafkaIsDownIsPublishedOnceKafkaIsBack() throws Exception {
        // The usual case: the service has been publishing, then the broker goes away.
        fileTicket();
        KafkaTestResource.stopBroker();
        String ticketId;
        try {
            long start = System.nanoTime();
            ticketId = fileTicket();
            System.out.printf("POST with Kafka down answered in %d ms%n",
                    Duration.ofNanos(System.nanoTime() - start).toMillis());

            // Let the relay try (and fail) a few rounds: the event must stay pending, not be dropped.
            Thread.sleep(4_000);
            assertEquals(1, OutboxRows.pending(ticketId), "outbox row while Kafka is down");
        } finally {
            KafkaTestResource.startBroker();
        }

        long restarted = System.nanoTime();
        PublishedEvents.awaitRecord("ticket-created", ticketId, Duration.ofSeconds(60));
        System.out.printf("ticket-created reached Kafka %d ms after the broker was back%n",
                Duration.ofNanos(System.nanoTime() - restarted).toMillis());
        // Removed only after the broker acknowledged it (the delete commits right after the ack).
        await().atMost(Duration.ofSeconds(10)).until(() -> OutboxRows.pending(ticketId) == 0);
    }

    private static String fileTicket() {
        return given().auth().oauth2(TestTokens.agent("alex"))
                .contentType(ContentType.JSON)
                .body(Filings.complete("100001", 3, "Report export slow", "Exports take minutes."))
                .when().post("/api/tickets")
                .then().statusCode(201).extract().path("id");
    }
}
