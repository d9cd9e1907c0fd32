package io.supportplatform.ticket.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.PublishedEvents;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.devstack.testing.OutboxRows;
import io.supportplatform.ticket.ContactEvents;
import io.supportplatform.ticket.Filings;
import io.vertx.core.json.JsonObject;

/**
 * Issue 3, item 10: the event stream is lossless and free of duplicates per state change across a Kafka outage,
 * and concurrent changes of one ticket never lose one another.
 * <p>
 * Concurrency is handled deterministically by a row lock: every change of a ticket loads it with
 * {@code SELECT ... FOR UPDATE} (TicketRepository.findForUpdate), so concurrent changes run one after the other,
 * each sees the previous one's result and draws the next sequence number. None fails for being concurrent; a
 * change the lifecycle no longer allows once it gets its turn is answered 409, like any refused move. The
 * {@code @Version} column and the unique (ticket, sequence) of the history table are the safety nets.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class EventStreamGuaranteesTest {

    static final List<String> TOPICS = List.of("ticket-created", "ticket-status-changed", "agent-replied",
            "customer-replied");
    static final String ANNA = TestTokens.customer("anna", "100001");
    static final String AGENT = TestTokens.agent("alex");

    @Test
    void everyStateChangeMadeWhileKafkaIsDownIsPublishedExactlyOnceAfterItReturns() throws Exception {
        List<String> tickets = new ArrayList<>();
        tickets.add(file()); // published before the outage
        String before = tickets.get(0);
        changeStatus(before, "OPEN", 200);
        PublishedEvents.awaitAll(TOPICS, before, 2, Duration.ofSeconds(60));

        KafkaTestResource.stopBroker();
        try {
            // the ticket from before the outage changes on while the broker is gone
            workThrough(before);
            for (int i = 0; i < 4; i++) {
                String id = file();
                tickets.add(id);
                changeStatus(id, "OPEN", 200);
                workThrough(id);
            }
            // let the relay fail a few rounds: nothing may be dropped meanwhile
            Thread.sleep(4_000);
        } finally {
            KafkaTestResource.startBroker();
        }

        for (String id : tickets) {
            List<String> changes = historyEventIds(id); // one row per state change, written with it
            assertEquals(7, changes.size(), "state changes of " + id);
            List<ConsumerRecord<String, String>> records = PublishedEvents.awaitAll(TOPICS, id, changes.size(),
                    Duration.ofSeconds(90));
            List<JsonObject> events = records.stream().map(record -> new JsonObject(record.value())).toList();
            Map<String, Long> copiesById = events.stream()
                    .collect(Collectors.groupingBy(event -> event.getString("id"), Collectors.counting()));
            assertEquals(changes.stream().collect(Collectors.toMap(Function.identity(), eventId -> 1L)), copiesById,
                    "every state change of " + id + " on Kafka exactly once, by event id, nothing else");
            assertEquals(LongStream.rangeClosed(1, changes.size()).boxed().toList(),
                    events.stream().map(event -> event.getJsonObject("data").getLong("sequence")).sorted().toList(),
                    "sequence numbers of " + id + " contiguous from 1");
            records.forEach(record -> assertEquals(id, record.key(), "keyed by ticket id"));
        }
    }

    @Test
    void concurrentChangesOfOneTicketNeverLoseOneAnother() throws Exception {
        String id = file();
        changeStatus(id, "OPEN", 200);
        int writers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Integer> statusAnswers;
        try {
            // half of them reply, the other half all try the same move OPEN -> WAITING_FOR_CUSTOMER
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int writer = i;
                answers.add(pool.submit(() -> writer % 2 == 0
                        ? reply(AGENT, id, Map.of("body", "Update " + writer))
                        : changeStatus(id, "WAITING_FOR_CUSTOMER", -1)));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                all.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertEquals(writers / 2, all.stream().filter(status -> status == 201).count(), "every reply stored");
            statusAnswers = all.stream().filter(status -> status != 201).toList();
        } finally {
            pool.shutdownNow();
        }
        // exactly one of the identical moves wins; the others find it done and are told so (409), none is lost
        assertEquals(Map.of(200, 1L, 409, (long) writers / 2 - 1),
                statusAnswers.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())));
        given().auth().oauth2(AGENT).when().get("/api/tickets/" + id + "/replies")
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(writers / 2));
        given().auth().oauth2(AGENT).when().get("/api/tickets/" + id)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("WAITING_FOR_CUSTOMER"));

        int changes = 1 + 1 + writers / 2 + 1; // created, OPEN, the replies, WAITING_FOR_CUSTOMER
        List<String> history = historyEventIds(id);
        assertEquals(changes, history.size());
        List<ConsumerRecord<String, String>> records = PublishedEvents.awaitAll(TOPICS, id, changes,
                Duration.ofSeconds(60));
        assertEquals(LongStream.rangeClosed(1, changes).boxed().toList(),
                records.stream().map(record -> new JsonObject(record.value()).getJsonObject("data").getLong("sequence"))
                        .sorted().toList(),
                "one event per change, sequence numbers without gaps or repeats");
    }

    /** Five more changes: reply, internal note, waiting for the customer, the customer's reply (and back to OPEN). */
    private static void workThrough(String id) {
        reply(AGENT, id, Map.of("body", "Please send the server log."));
        reply(AGENT, id, Map.of("body", "Looks like HF-03.", "visibility", "INTERNAL"));
        changeStatus(id, "WAITING_FOR_CUSTOMER", 200);
        reply(ANNA, id, Map.of("body", "Log attached.")); // customer-replied and ticket-status-changed -> OPEN
    }

    private static String file() {
        ContactEvents.authorize("anna", "100001"); // only authorized contacts file (P12.1); once per JVM
        return given().auth().oauth2(ANNA).contentType(ContentType.JSON)
                .body(Filings.complete("100001", 2, "Agents cannot log in", "Every login fails."))
                .when().post("/api/tickets").then().statusCode(201).extract().path("id");
    }

    /** @param expected the status to insist on, or -1 to return whatever came */
    private static int changeStatus(String id, String status, int expected) {
        int answer = given().auth().oauth2(AGENT).contentType(ContentType.JSON)
                .body(new HashMap<>(Map.of("status", status)))
                .when().post("/api/tickets/" + id + "/status").then().extract().statusCode();
        if (expected > 0) {
            assertEquals(expected, answer, "status change of " + id + " to " + status);
        }
        return answer;
    }

    private static int reply(String token, String id, Map<String, String> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/tickets/" + id + "/replies").then().statusCode(201).extract().statusCode();
    }

    private static List<String> historyEventIds(String id) throws Exception {
        try (Connection connection = OutboxRows.connect();
                PreparedStatement query = connection.prepareStatement(
                        "select event_id from ticket_history where ticket_id = ? order by sequence")) {
            query.setObject(1, UUID.fromString(id));
            List<String> ids = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                }
            }
            return ids;
        }
    }
}
