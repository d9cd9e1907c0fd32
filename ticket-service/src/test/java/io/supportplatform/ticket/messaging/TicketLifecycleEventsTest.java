package io.supportplatform.ticket.messaging;

import static io.restassured.RestAssured.given;
import static io.supportplatform.ticket.messaging.PublishedTicketEvents.awaitInSequence;
import static io.supportplatform.ticket.messaging.PublishedTicketEvents.data;
import static io.supportplatform.ticket.messaging.PublishedTicketEvents.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.ticket.ContactEvents;
import io.supportplatform.ticket.Filings;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.supportplatform.devstack.testing.PublishedEvents;
import io.supportplatform.devstack.testing.EventContract;

/** Every change of a ticket reaches Kafka as its documented event, with the ticket's next sequence number. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class TicketLifecycleEventsTest {

    static final String ANNA = TestTokens.customer("anna", "100001");
    static final String AGENT = TestTokens.agent("alex");

    /** Each event type's topic and contract (deploy/contracts). */
    static final Map<String, EventContract> CONTRACTS = Map.of(
            "ticket-created", EventContract.of("ticket-created.v1.schema.json"),
            "customer-replied", EventContract.of("customer-replied.v1.schema.json"),
            "agent-replied", EventContract.of("agent-replied.v1.schema.json"),
            "ticket-status-changed", EventContract.of("ticket-status-changed.v1.schema.json"),
            "ticket-resolved", EventContract.of("ticket-resolved.v1.schema.json"));

    /** P12.1: anna files and replies as an authorized contact of account 100001 (published as contact-service does). */
    @BeforeEach
    void annaIsAnAuthorizedContact() {
        ContactEvents.authorize("anna", "100001");
    }

    static void changeStatus(String ticketId, String status, String reason) {
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(Map.of("status", status, "reason", reason))
                .when().post("/api/tickets/" + ticketId + "/status")
                .then().statusCode(200);
    }

    static void reply(String token, String ticketId, Map<String, String> body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/tickets/" + ticketId + "/replies")
                .then().statusCode(201);
    }

    @Test
    void aTicketsWholeLifeIsPublishedInSequenceAndMatchesTheContracts() {
        String id = given().auth().oauth2(ANNA).contentType(ContentType.JSON)
                .body(Filings.complete("100001", 2, "Agents cannot log in", "Every login fails."))
                .when().post("/api/tickets")
                .then().statusCode(201).extract().path("id");
        changeStatus(id, "OPEN", "Taken");                                                    // 2
        reply(AGENT, id, Map.of("body", "Please send the server log."));                     // 3
        reply(AGENT, id, Map.of("body", "Looks like HF-03.", "visibility", "INTERNAL"));     // 4
        changeStatus(id, "WAITING_FOR_CUSTOMER", "Waiting for the server log");               // 5
        reply(ANNA, id, Map.of("body", "The log is attached."));                             // 6, and 7: -> OPEN
        changeStatus(id, "RESOLVED", "Hotfix HF-04 applied");                                 // 8, and 9: resolved
        changeStatus(id, "REOPENED", "Came back after a restart");                            // 10
        changeStatus(id, "OPEN", "Taken again");                                              // 11
        changeStatus(id, "RESOLVED", "License cache cleared");                                // 12, and 13: resolved
        changeStatus(id, "CLOSED", "Confirmed by the customer");                              // 14
        int expected = 14;

        List<JsonObject> events = awaitInSequence(CONTRACTS, id, expected);
        assertEquals(List.of("ticket-created", "ticket-status-changed", "agent-replied", "agent-replied",
                "ticket-status-changed", "customer-replied", "ticket-status-changed", "ticket-status-changed",
                "ticket-resolved", "ticket-status-changed", "ticket-status-changed", "ticket-status-changed",
                "ticket-resolved", "ticket-status-changed"), names(events));

        assertEquals("PUBLIC", data(events, 3).getString("visibility"));
        assertEquals("INTERNAL", data(events, 4).getString("visibility"));
        assertEquals("Looks like HF-03.", data(events, 4).getString("body"));
        assertEquals("anna", data(events, 6).getString("author"));
        // P9.3: the customer's reply ended the wait, in the same transaction right after the reply
        JsonObject backToOpen = data(events, 7);
        assertEquals("WAITING_FOR_CUSTOMER", backToOpen.getString("from"));
        assertEquals("OPEN", backToOpen.getString("to"));
        assertEquals("anna", backToOpen.getString("changedBy"));
        assertEquals(data(events, 6).getString("postedAt"), backToOpen.getString("changedAt"));
        JsonObject waiting = data(events, 5);
        assertEquals("OPEN", waiting.getString("from"));
        assertEquals("WAITING_FOR_CUSTOMER", waiting.getString("to"));
        assertEquals("Waiting for the server log", waiting.getString("reason"));
        assertEquals("alex", waiting.getString("changedBy"));
        assertEquals("CLOSED", data(events, 14).getString("to"));
        assertEquals("EMEA", data(events, 1).getString("region"));
        assertEquals("PORTAL", data(events, 1).getString("channel"));
    }

    @Test
    void concurrentRepliesToOneTicketEachGetTheirOwnSequenceNumber() throws Exception {
        String id = given().auth().oauth2(ANNA).contentType(ContentType.JSON)
                .body(Filings.complete("100001", 2, "Agents cannot log in", "Every login fails."))
                .when().post("/api/tickets")
                .then().statusCode(201).extract().path("id");
        int replies = 10;
        ExecutorService pool = Executors.newFixedThreadPool(replies);
        try {
            List<Future<?>> posted = IntStream.range(0, replies)
                    .<Future<?>> mapToObj(i -> pool.submit(() -> reply(i % 2 == 0 ? AGENT : ANNA, id,
                            Map.of("body", "Reply " + i))))
                    .toList();
            for (Future<?> reply : posted) {
                reply.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<ConsumerRecord<String, String>> records = PublishedEvents.awaitAll(List.copyOf(CONTRACTS.keySet()), id,
                1 + replies, Duration.ofSeconds(60));
        assertEquals(LongStream.rangeClosed(1, 1 + replies).boxed().toList(),
                records.stream().map(record -> new JsonObject(record.value()).getJsonObject("data").getLong("sequence"))
                        .sorted().toList(),
                "one event per reply, sequence numbers without gaps or repeats");
    }

    @Test
    void statusChangeWithoutReasonCarriesNullAndStillMatchesTheContract() {
        String id = given().auth().oauth2(AGENT).contentType(ContentType.JSON)
                .body(Filings.complete("100001", 3, "Slow reports", "Reports take minutes."))
                .when().post("/api/tickets")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(Map.of("status", "OPEN"))
                .when().post("/api/tickets/" + id + "/status")
                .then().statusCode(200);

        JsonObject event = new JsonObject(PublishedEvents.awaitRecord("ticket-status-changed", id,
                Duration.ofSeconds(30)).value());
        OutputUnit result = CONTRACTS.get("ticket-status-changed").validate(event);
        assertTrue(result.getValid(), () -> result.getErrors().toString());
        assertTrue(event.getJsonObject("data").containsKey("reason"));
        assertEquals(null, event.getJsonObject("data").getValue("reason"));
        assertEquals(2, event.getJsonObject("data").getLong("sequence"));
    }

    @Test
    void theContractExamplesAreValidAndTheSchemasRejectBrokenEvents() {
        for (String name : List.of("customer-replied", "agent-replied", "ticket-status-changed")) {
            JsonObject example = new JsonObject(EventContract.read(EventContract.CONTRACTS
                    .resolve("examples/" + name + ".v1.json")));
            EventContract contract = CONTRACTS.get(name);
            assertTrue(contract.validate(example).getValid(), () -> name + ": " + contract.validate(example).getErrors());

            JsonObject withoutSequence = example.copy();
            withoutSequence.getJsonObject("data").remove("sequence");
            assertFalse(contract.validate(withoutSequence).getValid(), name + " without sequence");
        }
        JsonObject secretNote = new JsonObject(EventContract.read(EventContract.CONTRACTS
                .resolve("examples/agent-replied.v1.json")));
        secretNote.getJsonObject("data").put("visibility", "SECRET");
        assertFalse(CONTRACTS.get("agent-replied").validate(secretNote).getValid());

        JsonObject unknownStatus = new JsonObject(EventContract.read(EventContract.CONTRACTS
                .resolve("examples/ticket-status-changed.v1.json")));
        unknownStatus.getJsonObject("data").put("to", "DONE");
        assertFalse(CONTRACTS.get("ticket-status-changed").validate(unknownStatus).getValid());
    }
}
