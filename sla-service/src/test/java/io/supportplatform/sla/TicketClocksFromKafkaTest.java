package io.supportplatform.sla;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end inside the service: ticket-created CloudEvents produced to a real
 * Kafka broker become response clocks in a real PostgreSQL, read through the secured REST API.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class TicketClocksFromKafkaTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String ACCOUNT = "100001";

    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void connectProducer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config);
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void severityOneTicketGetsATwoHourFirstResponseClock() throws Exception { // P8.1
        UUID ticketId = UUID.randomUUID();
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        send(ticketId, ticketCreated(UUID.randomUUID(), ticketId, 1, createdAt));

        Response clocks = awaitClocks(ticketId, TestTokens.agent("alex"));
        clocks.then()
                .body("$", hasSize(2)) // P8.1: the response and the Tier-2 callback
                .body("[0].type", equalTo("FIRST_RESPONSE"))
                .body("[0].state", equalTo("RUNNING"))
                .body("[0].severity", equalTo(1))
                .body("[0].policyVersion", equalTo("2010-02-01"))
                .body("[0].targetMinutes", equalTo(120))
                .body("[0].ticketNumber", equalTo("TCK-2026-000042"))
                .body("[0].startedAt", equalTo(createdAt.toString()))
                .body("[0].deadline", equalTo(createdAt.plus(Duration.ofHours(2)).toString()))
                .body("[1].type", equalTo("TIER2_CALLBACK"))
                .body("[1].targetMinutes", equalTo(60))
                .body("[1].calendarRegion", equalTo("EU-DE"));
        long remaining = clocks.jsonPath().getLong("[0].remainingSeconds");
        assertTrue(remaining > 7000 && remaining <= 7200, "remaining " + remaining);
    }

    @Test
    void theSameEventDeliveredAgainChangesNothing() throws Exception {
        UUID ticketId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String event = ticketCreated(eventId, ticketId, 1, createdAt);
        send(ticketId, event);
        awaitClocks(ticketId, TestTokens.agent("alex"));
        double duplicatesBefore = duplicateEvents();

        send(ticketId, event);
        // Same id, other content: the id is the idempotency key, so the first delivery stands.
        send(ticketId, ticketCreated(eventId, ticketId, 4, createdAt.minusSeconds(3600)));

        await().atMost(PATIENCE).until(() -> duplicateEvents() >= duplicatesBefore + 2);
        given().auth().oauth2(TestTokens.agent("alex"))
                .get("/api/sla/tickets/{id}/clocks", ticketId)
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].severity", equalTo(1))
                .body("[0].deadline", equalTo(createdAt.plus(Duration.ofHours(2)).toString()));
    }

    @Test
    void malformedMessageIsDeadLetteredAndTheNextEventStillProcessed() throws Exception {
        String badKey = "malformed-" + UUID.randomUUID();
        try (KafkaConsumer<String, String> deadLetters = deadLetterConsumer()) {
            send(badKey, "{\"specversion\":\"1.0\", this is not JSON");
            UUID ticketId = UUID.randomUUID();
            send(ticketId, ticketCreated(UUID.randomUUID(), ticketId, 3, Instant.now().truncatedTo(ChronoUnit.SECONDS)));

            awaitClocks(ticketId, TestTokens.agent("alex")).then().body("[0].targetMinutes", equalTo(480)); // P8.3

            ConsumerRecord<String, String> deadLetter = awaitRecord(deadLetters, badKey);
            assertEquals("{\"specversion\":\"1.0\", this is not JSON", deadLetter.value());
            Header reason = deadLetter.headers().lastHeader("dead-letter-reason");
            assertTrue(reason != null && new String(reason.value(), StandardCharsets.UTF_8).contains("not JSON"),
                    "dead-letter-reason header naming the error");
        }
    }

    @Test
    void customersSeeOnlyTheirOwnAccountsTickets() throws Exception {
        UUID ticketId = UUID.randomUUID();
        send(ticketId, ticketCreated(UUID.randomUUID(), ticketId, 2, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        awaitClocks(ticketId, TestTokens.agent("alex"));

        given().auth().oauth2(TestTokens.customer("anna", ACCOUNT))
                .get("/api/sla/tickets/{id}/clocks", ticketId)
                .then().statusCode(200).body("[0].targetMinutes", equalTo(240)); // P8.2
        given().auth().oauth2(TestTokens.customer("bert", "999999"))
                .get("/api/sla/tickets/{id}/clocks", ticketId)
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404));
        for (String role : List.of("tier2", "supervisor", "ops", "admin")) {
            given().auth().oauth2(TestTokens.user("staff", role))
                    .get("/api/sla/tickets/{id}/clocks", ticketId)
                    .then().statusCode(200);
        }
    }

    @Test
    void unauthenticatedUnknownAndMalformedRequestsAreProblems() {
        UUID unknown = UUID.randomUUID();
        given().get("/api/sla/tickets/{id}/clocks", unknown)
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.user("nobody"))
                .get("/api/sla/tickets/{id}/clocks", unknown)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.agent("alex"))
                .get("/api/sla/tickets/{id}/clocks", unknown)
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(TestTokens.agent("alex"))
                .get("/api/sla/tickets/{id}/clocks", "not-a-uuid")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem("ticketId"));
    }

    @Test
    void readinessCoversDatabaseAndKafka() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(equalTo("Reactive PostgreSQL connections health check")))
                .body("checks.name", hasItem(equalTo("Kafka connection health check")));
    }

    @Test
    void openApiDescribesTheClockEndpoint() {
        given().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.'/api/sla/tickets/{ticketId}/clocks'.get.responses.'404'.description",
                        equalTo("No clocks for this ticket, or not the caller's account"));
    }

    private static Response awaitClocks(UUID ticketId, String token) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(token).get("/api/sla/tickets/{id}/clocks", ticketId),
                        response -> response.statusCode() == 200);
    }

    private static double duplicateEvents() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^sla_ticket_events_total\\{[^}]*outcome=\"duplicate\"[^}]*} (\\S+)$")
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    /** As ticket-service publishes (deploy/contracts/README.md): structured CloudEvents, with its content type. */
    private static void send(Object key, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>("ticket-created", key.toString(), value);
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private static KafkaConsumer<String, String> deadLetterConsumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of("dead-letter-sla"));
        return consumer;
    }

    private static ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer, String key) {
        AtomicReference<ConsumerRecord<String, String>> found = new AtomicReference<>();
        await().atMost(PATIENCE).until(() -> {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (key.equals(record.key())) {
                    found.set(record);
                }
            }
            return found.get() != null;
        });
        return found.get();
    }

    /** A ticket-created v1 CloudEvent as ticket-service publishes it (deploy/contracts). */
    private static String ticketCreated(UUID eventId, UUID ticketId, int severity, Instant createdAt) {
        return """
                {"specversion":"1.0","id":"%s","type":"io.supportplatform.ticket-created.v1",
                 "source":"/ticket-service","time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"sequence":1,"ticketId":"%s","ticketNumber":"TCK-2026-000042","systemId":"%s",
                         "severity":%d,"subject":"Agents offline","status":"NEW","createdBy":"anna",
                         "createdAt":"%s"}}
                """.formatted(eventId, createdAt, ticketId, ticketId, ACCOUNT, severity, createdAt);
    }
}
