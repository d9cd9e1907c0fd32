package io.supportplatform.contact.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.vertx.core.json.JsonObject;
import io.supportplatform.devstack.testing.PublishedEvents;
import io.supportplatform.devstack.testing.OutboxRows;

/** The transactional outbox keeps contacts changeable while Kafka is down, and no event is lost. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(PostgresTestResource.class)
class OutboxRelayKafkaOutageTest {

    @Test
    void aContactAuthorizedWhileKafkaIsDownIsPublishedOnceKafkaIsBack() throws Exception {
        // The usual case: the service has been publishing, then the broker goes away.
        String systemId = AccountEventsTest.openAccount();
        PublishedEvents.awaitRecord(CustomerAccountChanged.TOPIC, systemId, AccountEventsTest.WAIT);
        KafkaTestResource.stopBroker();
        String contactId;
        try {
            long start = System.nanoTime();
            contactId = AccountEventsTest.authorizeContact(systemId, "carla");
            System.out.printf("POST contact with Kafka down answered in %d ms%n",
                    Duration.ofNanos(System.nanoTime() - start).toMillis());

            // Let the relay try (and fail) a few rounds: the event must stay pending, not be dropped.
            Thread.sleep(4_000);
            assertEquals(1, OutboxRows.pending(systemId), "outbox row while Kafka is down");
            given().get("/q/health/ready").then().statusCode(200); // still in rotation (no Kafka check)
        } finally {
            KafkaTestResource.startBroker();
        }

        long restarted = System.nanoTime();
        JsonObject event = new JsonObject(PublishedEvents.awaitRecord(ContactAuthorized.TOPIC, systemId,
                Duration.ofSeconds(60)).value());
        System.out.printf("contact-authorized reached Kafka %d ms after the broker was back%n",
                Duration.ofNanos(System.nanoTime() - restarted).toMillis());
        assertEquals(contactId, event.getJsonObject("data").getString("contactId"));
        assertEquals(2, event.getJsonObject("data").getInteger("sequence"));
        // Removed only after the broker acknowledged it (the delete commits right after the ack).
        await().atMost(Duration.ofSeconds(10)).until(() -> OutboxRows.pending(systemId) == 0);
    }
}
