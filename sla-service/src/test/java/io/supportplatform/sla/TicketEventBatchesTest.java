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
import io.quarkus.vertx.VertxContextSupport;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.PublishedEvents;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.sla.TicketEventMessages.Message;
import io.supportplatform.sla.domain.ReceivedEvent;
import io.supportplatform.sla.domain.TicketEventType;
import io.supportplatform.sla.messaging.TicketEventParser;
import io.supportplatform.sla.service.ClockService;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The batch path of the ticket event consumer (issue 4 item 6): duplicates and out-of-order events of one ticket
 * within a batch and across batches give the clocks and alarms of the same events recorded one by one in order; a
 * malformed record among good ones of one poll is dead-lettered alone, and so is one whose data the database
 * refuses (SQLSTATE 22/23; an unavailable database dead-letters nothing: DatabaseOutageTest); a replay, itself in
 * batches, changes nothing (P9.2, P9.3, P13).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class TicketEventBatchesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    ClockService clocks;
    @Inject
    TicketEventParser parser;

    @Test
    void duplicatesAndDisorderWithinAndAcrossBatchesGiveTheClocksOfTheEventsInOrder() throws Throwable {
        Instant t0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        TicketEventMessages inOrder = new TicketEventMessages("100001");
        for (Message message : inOrder.life(t0)) {
            record(List.of(message));
        }

        TicketEventMessages shuffled = new TicketEventMessages("100001");
        List<Message> life = shuffled.life(t0);
        double duplicatesBefore = duplicateEvents();
        // First batch: three events, late ones first, each delivered up to three times.
        record(List.of(life.get(5), life.get(0), life.get(5), life.get(3), life.get(0), life.get(5)));
        // Second batch: the rest backwards, with one more copy of an event of the first batch.
        record(List.of(life.get(9), life.get(8), life.get(7), life.get(3), life.get(6), life.get(4), life.get(2),
                life.get(1)));

        assertEquals(4, duplicateEvents() - duplicatesBefore, "4 copies counted as duplicates");
        assertEquals(life.size(), storedEvents(shuffled.ticketId, null));
        assertEquals(clocksOf(inOrder.ticketId), clocksOf(shuffled.ticketId));
        assertEquals(alarmsOf(inOrder.ticketId), alarmsOf(shuffled.ticketId));
        assertEquals(3, clocksOf(shuffled.ticketId).size(), "first response, next response and Tier-2 callback");
    }

    @Test
    void aMalformedRecordAmongGoodOnesIsDeadLetteredAloneAndAReplayChangesNothing() throws Exception {
        Instant t0 = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        TicketEventMessages ticket = new TicketEventMessages("100001");
        List<Message> life = ticket.life(t0);
        String badKey = "malformed-" + UUID.randomUUID();
        String bad = "{\"specversion\":\"1.0\", not JSON";

        // All of them in one produce request per partition, so the consumer polls them together: the malformed
        // record sits between good ones of the same partition.
        try (KafkaProducer<String, String> producer = lingeringProducer()) {
            for (int i = 0; i < life.size(); i++) {
                if (i == 1) {
                    producer.send(record("ticket-created", badKey, bad));
                }
                producer.send(record(life.get(i).topic(), life.get(i).key(), life.get(i).value()));
            }
            producer.flush();
        }
        ConsumerRecord<String, String> deadLetter = PublishedEvents.awaitRecords("dead-letter-sla", Set.of(badKey),
                PATIENCE).get(badKey);
        assertEquals(bad, deadLetter.value());
        Header reason = deadLetter.headers().lastHeader("dead-letter-reason");
        assertTrue(reason != null && new String(reason.value(), StandardCharsets.UTF_8).contains("not JSON"));
        await().atMost(PATIENCE).until(() -> storedEvents(ticket.ticketId, null) == life.size());

        List<Map<String, Object>> clocksBefore = clocksOf(ticket.ticketId);
        Map<String, Instant> updatedBefore = updatedAt(ticket.ticketId, 3);
        List<String> alarmsBefore = alarmsOf(ticket.ticketId);
        double duplicatesBefore = duplicateEvents();

        // The replay: the same records again, batched the same way.
        try (KafkaProducer<String, String> producer = lingeringProducer()) {
            for (Message message : life) {
                producer.send(record(message.topic(), message.key(), message.value()));
            }
            producer.flush();
        }
        await().atMost(PATIENCE).until(() -> duplicateEvents() >= duplicatesBefore + life.size());
        assertEquals(life.size(), storedEvents(ticket.ticketId, null));
        assertEquals(clocksBefore, clocksOf(ticket.ticketId));
        assertEquals(updatedBefore, updatedAt(ticket.ticketId, 3), "no clock row written again");
        assertEquals(alarmsBefore, alarmsOf(ticket.ticketId));
    }

    @Test
    void anEventTheDatabaseRefusesIsDeadLetteredAloneAndTheRestOfItsBatchStored() throws Exception {
        Instant t0 = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        TicketEventMessages good = new TicketEventMessages("100001");
        List<Message> life = good.life(t0);
        // Readable, but its ticket number (no TCK-yyyy-nnnnnn) is longer than the column: PostgreSQL refuses it
        // with SQLSTATE 22001 every time, so storing it again cannot help.
        TicketEventMessages refused = new TicketEventMessages("100001");
        Message created = refused.created(t0, 3, null);
        Message tooLong = new Message(created.topic(), created.key(),
                created.value().replace("TCK-2026-000777", "TCK-2026-" + "7".repeat(40)));

        try (KafkaProducer<String, String> producer = lingeringProducer()) {
            for (int i = 0; i < life.size(); i++) {
                if (i == 2) {
                    producer.send(record(tooLong.topic(), tooLong.key(), tooLong.value()));
                }
                producer.send(record(life.get(i).topic(), life.get(i).key(), life.get(i).value()));
            }
            producer.flush();
        }
        ConsumerRecord<String, String> deadLetter = PublishedEvents.awaitRecord("dead-letter-sla", tooLong.key(),
                PATIENCE);
        assertEquals(tooLong.value(), deadLetter.value());
        Header reason = deadLetter.headers().lastHeader("dead-letter-reason");
        assertTrue(reason != null && new String(reason.value(), StandardCharsets.UTF_8).contains("too long"),
                "reason: " + (reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8)));
        await().atMost(PATIENCE).until(() -> storedEvents(good.ticketId, null) == life.size());
        assertEquals(0, storedEvents(refused.ticketId, null));
        assertEquals(3, clocksOf(good.ticketId).size());
    }

    // --- helpers ---

    /** One batch through the service, as the consumer hands it over after reading the records. */
    private void record(List<Message> batch) throws Throwable {
        List<ReceivedEvent> received = new ArrayList<>();
        for (Message message : batch) {
            TicketEventType type = TicketEventType.ofTopic(message.topic()).orElseThrow();
            received.add(new ReceivedEvent(parser.parse(type, message.value()), message.value()));
        }
        VertxContextSupport.subscribeAndAwait(() -> clocks.record(received));
    }

    private static KafkaProducer<String, String> lingeringProducer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "200");
        return new KafkaProducer<>(config);
    }

    private static ProducerRecord<String, String> record(String topic, String key, String value) {
        // One partition for all, so the malformed record is in the middle of the good ones' log.
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, 0, key, value);
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The clocks as read through the API, without the ticket id and what changes with the instant of reading. */
    private static List<Map<String, Object>> clocksOf(UUID ticketId) {
        return withoutTimeOfReading(given().auth().oauth2(TestTokens.agent("alex"))
                .get("/api/sla/tickets/{id}/clocks", ticketId).then().statusCode(200).extract().jsonPath());
    }

    /** The ticket's planned alarms (fired or not): kind, due time and data, without what names the ticket's ids. */
    private static List<String> alarmsOf(UUID ticketId) throws Exception {
        List<String> alarms = new ArrayList<>();
        try (Connection db = ClockReadings.database();
                PreparedStatement query = db.prepareStatement("""
                        select kind || ' ' || due_at || ' ' || (data::jsonb - 'ticketId' - 'causeEventId')::text
                        from clock_alarm where ticket_id = ? order by 1""")) {
            query.setObject(1, ticketId);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    alarms.add(result.getString(1));
                }
            }
        }
        assertTrue(alarms.size() >= 4, "alarms planned: " + alarms);
        return alarms;
    }
}
