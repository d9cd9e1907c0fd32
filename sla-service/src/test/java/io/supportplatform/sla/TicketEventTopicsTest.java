package io.supportplatform.sla;

import static io.restassured.RestAssured.given;
import static io.supportplatform.sla.ClockReadings.duplicateEvents;
import static io.supportplatform.sla.ClockReadings.storedEvents;
import static io.supportplatform.sla.ClockReadings.updatedAt;
import static io.supportplatform.sla.ClockReadings.withoutTimeOfReading;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.PublishedEvents;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.sla.TicketEventMessages.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The consumer of every ticket topic against a real broker and database: a ticket's whole life across the
 * seven topics, the same events in reverse order, a replay of every topic, and malformed events of each topic
 * dead-lettered (P8.1, P9.2, P9.3, P13.3).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class TicketEventTopicsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> TOPICS = List.of("ticket-created", "customer-replied", "agent-replied",
            "ticket-status-changed", "ticket-severity-changed", "phone-contact-logged", "escalation-requested");

    @Test
    void aTicketsLifeAcrossEveryTopicGivesItsClocksAndAReplayChangesNothing() throws Exception {
        Instant t0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        TicketEventMessages ticket = new TicketEventMessages("100001");
        List<Message> life = ticket.life(t0);
        TicketEventMessages.send(life.toArray(Message[]::new));

        // The topics are consumed independently: wait until every event is held, then read.
        await().atMost(PATIENCE).until(() -> storedEvents(ticket.ticketId, null) == life.size());
        JsonPath clocks = clocksOf(ticket.ticketId);
        Map<String, Object> first = clock(clocks, "FIRST_RESPONSE");
        assertEquals("MET", first.get("state"));
        assertEquals(t0.plusSeconds(600).toString(), first.get("endedAt"));
        assertEquals(600, first.get("elapsedSeconds"));

        Map<String, Object> next = clock(clocks, "NEXT_RESPONSE");
        assertEquals("RUNNING", next.get("state"));
        assertEquals(1, next.get("severity"));
        assertEquals(120, next.get("targetMinutes")); // re-targeted to P8.1 while paused
        // 5 min counted before the pause, resumed at t0+40min: 115 min left (P9.2, P9.3)
        assertEquals(t0.plusSeconds(2400).plus(Duration.ofMinutes(115)).toString(), next.get("deadline"));
        assertEquals(900, next.get("pausedSeconds"));
        assertEquals(List.of("STARTED", "PAUSED", "RETARGETED", "RESUMED"), kinds(next));
        assertEquals("customer replied", causes(next).get(3)); // before the status change of the same instant

        Map<String, Object> callback = clock(clocks, "TIER2_CALLBACK");
        assertEquals("MET", callback.get("state")); // P8.1 met by the outbound Tier-2 call
        assertEquals("US-EAST", callback.get("calendarRegion"));
        assertEquals(t0.plusSeconds(2700).toString(), callback.get("endedAt"));

        assertEquals(1, storedEvents(ticket.ticketId, "ESCALATION_REQUESTED")); // kept for the alarms (P13.3)

        // Replay of every topic: each event is a duplicate and no clock changes.
        Map<String, Instant> updatedBefore = updatedAt(ticket.ticketId, 3);
        double duplicatesBefore = duplicateEvents();
        TicketEventMessages.send(life.toArray(Message[]::new));
        await().atMost(PATIENCE).until(() -> duplicateEvents() >= duplicatesBefore + life.size());
        assertEquals(withoutTimeOfReading(clocks), withoutTimeOfReading(clocksOf(ticket.ticketId)));
        assertEquals(updatedBefore, updatedAt(ticket.ticketId, 3));
    }

    @Test
    void theSameEventsInReverseOrderAcrossTopicsGiveTheSameClocks() throws Exception {
        Instant t0 = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        TicketEventMessages inOrder = new TicketEventMessages("100001");
        TicketEventMessages reversed = new TicketEventMessages("100001");
        TicketEventMessages.send(inOrder.life(t0).toArray(Message[]::new));
        List<Message> backwards = new ArrayList<>(reversed.life(t0));
        Collections.reverse(backwards);
        TicketEventMessages.send(backwards.toArray(Message[]::new));

        await().atMost(PATIENCE).until(() -> storedEvents(inOrder.ticketId, null) == 10);
        JsonPath expected = clocksOf(inOrder.ticketId);
        awaitClocks(reversed.ticketId, body -> withoutTimeOfReading(body).equals(withoutTimeOfReading(expected)));
    }

    @Test
    void malformedEventsOfEveryTopicAreDeadLetteredWithTheirReason() throws Exception {
        Map<String, String> keyByTopic = new HashMap<>();
        for (String topic : TOPICS) {
            String key = "malformed-" + topic + "-" + UUID.randomUUID();
            keyByTopic.put(topic, key);
            // Valid JSON, but the data lacks what this event type must carry.
            TicketEventMessages.send(topic, key, """
                    {"specversion":"1.0","id":"%s","type":"io.supportplatform.%s.v1","source":"/ticket-service",
                     "time":"2026-11-28T09:00:00Z","subject":"%s","datacontenttype":"application/json",
                     "data":{"sequence":0,"ticketId":"%s","ticketNumber":"TCK-2026-000001","systemId":"12ab"}}
                    """.formatted(UUID.randomUUID(), topic, UUID.randomUUID(), UUID.randomUUID()));
        }
        // Another type's event on a topic is no event of that topic either.
        TicketEventMessages other = new TicketEventMessages("100001");
        Message created = other.created(Instant.now(), 3, null);
        String wrongTopicKey = "wrong-topic-" + UUID.randomUUID();
        TicketEventMessages.send("agent-replied", wrongTopicKey, created.value());

        List<String> keys = new ArrayList<>(keyByTopic.values());
        keys.add(wrongTopicKey);
        Map<String, ConsumerRecord<String, String>> deadLetters = PublishedEvents.awaitRecords("dead-letter-sla",
                java.util.Set.copyOf(keys), PATIENCE);
        for (String topic : TOPICS) {
            String reason = reason(deadLetters.get(keyByTopic.get(topic)));
            assertTrue(reason.contains("data.sequence must be a positive integer"), topic + ": " + reason);
            assertTrue(reason.contains("data.systemId must match"), topic + ": " + reason);
        }
        assertTrue(reason(deadLetters.get(wrongTopicKey)).contains("type must be io.supportplatform.agent-replied.v1"));
    }

    // --- helpers ---

    private static String reason(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("dead-letter-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> clock(JsonPath clocks, String type) {
        return (Map<String, Object>) clocks.getList("$", Map.class).stream()
                .filter(clock -> type.equals(clock.get("type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " clock in " + clocks.prettify()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> kinds(Map<String, Object> clock) {
        return ((List<Map<String, Object>>) clock.get("history")).stream().map(step -> (String) step.get("kind")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> causes(Map<String, Object> clock) {
        return ((List<Map<String, Object>>) clock.get("history")).stream().map(step -> (String) step.get("cause")).toList();
    }

    private static JsonPath clocksOf(UUID ticketId) {
        return given().auth().oauth2(TestTokens.agent("alex")).get("/api/sla/tickets/{id}/clocks", ticketId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitClocks(UUID ticketId, java.util.function.Predicate<JsonPath> done) {
        Response response = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(TestTokens.agent("alex")).get("/api/sla/tickets/{id}/clocks", ticketId),
                        candidate -> candidate.statusCode() == 200 && done.test(candidate.jsonPath()));
        return response.jsonPath();
    }
}
