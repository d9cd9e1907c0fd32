package io.supportplatform.ticket.messaging;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportplatform.ticket.ContactEvents;
import io.supportplatform.ticket.Filings;
import io.restassured.path.json.JsonPath;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.supportplatform.devstack.testing.PublishedEvents;
import io.supportplatform.devstack.testing.EventContract;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class TicketCreatedEventTest {

    static final EventContract CONTRACT = EventContract.of("ticket-created.v1.schema.json");

    /** P12.1: anna files and replies as an authorized contact of account 100001 (published as contact-service does). */
    @BeforeEach
    void annaIsAnAuthorizedContact() {
        ContactEvents.authorize("anna", "100001");
    }

    @Test
    void filingATicketPublishesTicketCreatedMatchingTheContract() {
        long filedAt = System.nanoTime();
        JsonPath ticket = given().auth().oauth2(TestTokens.customer("anna", "100001"))
                .contentType(ContentType.JSON)
                .body(Map.of("systemId", "100001", "severity", 1, "subject", "Server down",
                        "description", "The server stopped answering after the update."))
                .when().post("/api/tickets")
                .then().statusCode(201).extract().jsonPath();
        String ticketId = ticket.getString("id");

        ConsumerRecord<String, String> record = PublishedEvents.awaitRecord("ticket-created", ticketId,
                Duration.ofSeconds(30));
        System.out.printf("ticket-created reached Kafka %d ms after the POST was sent%n",
                Duration.ofNanos(System.nanoTime() - filedAt).toMillis());

        Header contentType = record.headers().lastHeader("content-type");
        assertNotNull(contentType, "content-type header");
        assertEquals("application/cloudevents+json", new String(contentType.value(), UTF_8));

        JsonObject event = new JsonObject(record.value());
        OutputUnit result = CONTRACT.validate(event);
        assertTrue(result.getValid(), () -> "violates the contract: " + result.getErrors() + "\n" + event.encodePrettily());

        assertEquals("io.supportplatform.ticket-created.v1", event.getString("type"));
        assertEquals(ticketId, event.getString("subject"));
        JsonObject data = event.getJsonObject("data");
        assertEquals(1, data.getInteger("sequence"));
        assertEquals(ticketId, data.getString("ticketId"));
        assertEquals(ticket.getString("ticketNumber"), data.getString("ticketNumber"));
        assertEquals("100001", data.getString("systemId"));
        assertEquals(1, data.getInteger("severity"));
        assertEquals("Server down", data.getString("subject"));
        assertEquals("NEW", data.getString("status"));
        assertEquals("anna", data.getString("createdBy"));
        assertEquals(ticket.getString("createdAt"), data.getString("createdAt"));
        assertEquals(ticket.getString("createdAt"), event.getString("time"));
        // the README's four-field filing: a direct API call naming no region
        assertEquals("API", data.getString("channel"));
        assertFalse(data.containsKey("region"));
    }

    @Test
    void everyFiledTicketIsPublishedPromptly() {
        int count = 20;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(given().auth().oauth2(TestTokens.agent("alex"))
                    .contentType(ContentType.JSON)
                    .body(Filings.complete("100001", 4, "Question " + i, "How do I export a report?"))
                    .when().post("/api/tickets")
                    .then().statusCode(201).extract().<String> path("id"));
        }

        Map<String, ConsumerRecord<String, String>> records = PublishedEvents.awaitRecords("ticket-created",
                Set.copyOf(ids), Duration.ofSeconds(30));

        // filing (createdAt, before the commit) -> the producer writing the record (its CreateTime)
        long[] lagsMs = ids.stream().map(records::get)
                .mapToLong(record -> record.timestamp() - Instant.parse(new JsonObject(record.value())
                        .getJsonObject("data").getString("createdAt")).toEpochMilli())
                .sorted().toArray();
        System.out.printf("ticket-created lag over %d tickets: median %d ms, max %d ms%n", count,
                lagsMs[count / 2], lagsMs[count - 1]);
        assertTrue(lagsMs[count - 1] < 5_000, "every event within 5 s, the slowest took " + lagsMs[count - 1] + " ms");
    }

    @Test
    void theContractExampleIsValidAndTheSchemaRejectsIncompleteEvents() {
        JsonObject example = new JsonObject(EventContract.read(EventContract.CONTRACTS
                .resolve("examples/ticket-created.v1.json")));
        assertTrue(CONTRACT.validate(example).getValid(), () -> CONTRACT.validate(example).getErrors().toString());

        JsonObject withoutTicketNumber = example.copy();
        withoutTicketNumber.getJsonObject("data").remove("ticketNumber");
        assertFalse(CONTRACT.validate(withoutTicketNumber).getValid());

        JsonObject badSeverity = example.copy();
        badSeverity.getJsonObject("data").put("severity", 5);
        assertFalse(CONTRACT.validate(badSeverity).getValid());
    }
}
