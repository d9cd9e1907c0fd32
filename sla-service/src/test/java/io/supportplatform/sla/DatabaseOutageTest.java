package io.supportplatform.sla;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.sla.TicketEventMessages.Message;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost while PostgreSQL is down (P8, P13; issue 4): ticket events published during an outage longer than
 * the consumer ever gave up before (4 retries, ~15 s) and than the connector's default limit for an unacked
 * record (60 s) are stored with their clocks once the database is back, and none is dead-lettered. Meanwhile
 * readiness reports the database down and liveness stays up, so an orchestrator waits instead of restarting.
 * The server is shared by every test class of the JVM: it is started again in any case.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(65);
    // The retry backoff is capped at 30 s (plus jitter): the first retry after the restart may take that long.
    private static final Duration RECOVERY = Duration.ofSeconds(120);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    @Test
    void ticketEventsPublishedWhilePostgresqlIsDownGetTheirClocksOnceItIsBackAndNoneIsDeadLettered()
            throws Exception {
        Instant t0 = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        List<TicketEventMessages> before = tickets(2);
        for (TicketEventMessages ticket : before) {
            TicketEventMessages.send(ticket.created(t0, 2, "EU-DE"));
        }
        for (TicketEventMessages ticket : before) {
            awaitClocks(ticket.ticketId, Duration.ofSeconds(60));
        }

        List<TicketEventMessages> during = tickets(6);
        Map<UUID, Integer> sent = new HashMap<>();
        PostgresTestResource.stopServer();
        try {
            for (TicketEventMessages ticket : during) {
                List<Message> events = new ArrayList<>(List.of(ticket.created(t0.plusSeconds(60), 1, "US-EAST")));
                if (sent.size() % 2 == 0) {
                    events.add(ticket.agentReplied(t0.plusSeconds(300), "PUBLIC"));
                }
                TicketEventMessages.send(events.toArray(Message[]::new));
                sent.put(ticket.ticketId, events.size());
            }
            // Events of tickets whose clocks exist, too: the batches now mix old and new tickets.
            for (TicketEventMessages ticket : before) {
                TicketEventMessages.send(ticket.agentReplied(t0.plusSeconds(120), "PUBLIC"));
                sent.put(ticket.ticketId, 2);
            }
            long outageEnds = System.nanoTime() + OUTAGE.toNanos();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> given().get("/q/health/ready").statusCode() == 503);
            Thread.sleep(Math.max(0, (outageEnds - System.nanoTime()) / 1_000_000));
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            given().get("/q/health/ready").then().statusCode(503);
        } finally {
            PostgresTestResource.startServer();
        }

        for (Map.Entry<UUID, Integer> ticket : sent.entrySet()) {
            awaitClocks(ticket.getKey(), RECOVERY);
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
                    .until(() -> storedEvents(ticket.getKey()) == ticket.getValue());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        Set<String> keys = sent.keySet().stream().map(UUID::toString).collect(Collectors.toSet());
        Set<String> deadLettered = new HashSet<>(deadLetterKeys());
        deadLettered.retainAll(keys);
        assertTrue(deadLettered.isEmpty(), "dead-lettered during the outage: " + deadLettered);
        assertEquals(8, keys.size());
    }

    private static List<TicketEventMessages> tickets(int count) {
        List<TicketEventMessages> tickets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tickets.add(new TicketEventMessages("100001"));
        }
        return tickets;
    }

    private static void awaitClocks(UUID ticketId, Duration patience) {
        await().atMost(patience).pollInterval(Duration.ofMillis(500))
                .until(() -> given().auth().oauth2(TestTokens.agent("alex"))
                        .get("/api/sla/tickets/{id}/clocks", ticketId).statusCode() == 200);
        given().auth().oauth2(TestTokens.agent("alex")).get("/api/sla/tickets/{id}/clocks", ticketId)
                .then().statusCode(200).body("type", hasItem("FIRST_RESPONSE"));
    }

    private long storedEvents(UUID ticketId) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                PreparedStatement query = db.prepareStatement("select count(*) from ticket_event where ticket_id = ?")) {
            query.setObject(1, ticketId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The keys of every record on the dead-letter topic up to its current end. */
    private static List<String> deadLetterKeys() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor("dead-letter-sla", Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertTrue(System.nanoTime() < deadline, "dead-letter topic not read to its end in 30 s");
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
            }
        }
        return keys;
    }
}
