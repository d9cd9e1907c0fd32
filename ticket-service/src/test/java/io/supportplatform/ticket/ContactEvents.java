package io.supportplatform.ticket;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import io.supportplatform.devstack.testing.EventContract;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;

/**
 * Publishes contact-service's account events to the test broker as contact-service would (structured CloudEvents,
 * key = system ID, each checked against its contract in deploy/contracts), so tests set up who may file through
 * the real consumer instead of writing the read model directly.
 */
public final class ContactEvents {

    public static final String ACCOUNT_CHANGED = "customer-account-changed";
    public static final String CONTACT_AUTHORIZED = "contact-authorized";
    public static final String CONTACT_REVOKED = "contact-revoked";

    private static final Map<String, EventContract> CONTRACTS = new ConcurrentHashMap<>();
    /** The per-account event sequence for {@link #authorize}, counted in this JVM as contact-service counts it. */
    private static final Map<String, AtomicLong> SEQUENCES = new ConcurrentHashMap<>();
    private static final Set<String> AUTHORIZED = ConcurrentHashMap.newKeySet();
    private static KafkaProducer<String, String> producer;

    private ContactEvents() {
    }

    /**
     * Makes {@code username} (a {@link TestTokens} user) an active authorized contact of an active account
     * {@code systemId} from today, once per JVM, and waits until ticket-service lets them file.
     */
    public static void authorize(String username, String systemId) {
        if (AUTHORIZED.add(username + "@" + systemId)) {
            AtomicLong sequence = SEQUENCES.computeIfAbsent(systemId, id -> new AtomicLong());
            synchronized (sequence) {
                if (sequence.get() == 0) {
                    publish(accountChanged(systemId, sequence.incrementAndGet(), "OPENED", "ACTIVE"));
                }
                publish(contactAuthorized(systemId, sequence.incrementAndGet(), contactId(username, systemId),
                        TestTokens.subject(username), today(), null));
            }
        }
        awaitFilingAuthorization(TestTokens.customer(username, systemId), true);
    }

    /** The contact id {@link #authorize} uses for this user in this account. */
    public static UUID contactId(String username, String systemId) {
        return UUID.nameUUIDFromBytes((username + "@" + systemId).getBytes(StandardCharsets.UTF_8));
    }

    /** Waits until {@code GET /api/tickets/filing-authorization} answers {@code authorized} for the token. */
    public static void awaitFilingAuthorization(String customerToken, boolean authorized) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(customerToken).get("/api/tickets/filing-authorization")
                        .then().statusCode(200).extract().<Boolean> path("authorized") == authorized);
    }

    /**
     * Waits until the consumer has read the event (applied or skipped), as recorded in its dedupe table; lets a
     * test assert that an event changed nothing.
     */
    public static void awaitConsumed(JsonObject event) {
        UUID id = UUID.fromString(event.getString("id"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var config = ConfigProvider.getConfig();
            try (Connection connection = DriverManager.getConnection(
                    config.getValue("quarkus.datasource.jdbc.url", String.class),
                    config.getValue("quarkus.datasource.username", String.class),
                    config.getValue("quarkus.datasource.password", String.class));
                    PreparedStatement query = connection.prepareStatement(
                            "select count(*) from consumed_event where event_id = ?")) {
                query.setObject(1, id);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    return result.getInt(1) == 1;
                }
            }
        });
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A {@code customer-account-changed} envelope; {@code change} OPENED or CHANGED, {@code status} ACTIVE or SUSPENDED. */
    public static JsonObject accountChanged(String systemId, long sequence, String change, String status) {
        Instant now = Instant.now();
        return envelope(ACCOUNT_CHANGED, systemId, now, new JsonObject()
                .put("sequence", sequence)
                .put("systemId", systemId)
                .put("change", change)
                .put("licenseCode", systemId + "-7F3A-22C9")
                .put("name", "Customer " + systemId)
                .put("region", "EU-DE")
                .put("supportLevel", "PREMIUM")
                .put("contactQuota", 5)
                .put("status", status)
                .put("changedBy", "ada")
                .put("changedAt", now.toString()));
    }

    /** A {@code contact-authorized} envelope; {@code until} null: until further notice. */
    public static JsonObject contactAuthorized(String systemId, long sequence, UUID contactId, String keycloakUserId,
            LocalDate from, LocalDate until) {
        Instant now = Instant.now();
        JsonObject data = new JsonObject()
                .put("sequence", sequence)
                .put("systemId", systemId)
                .put("contactId", contactId.toString())
                .put("name", "Contact " + contactId.toString().substring(0, 8))
                .put("email", contactId.toString().substring(0, 8) + "@example.com")
                .put("phone", "+4930123456789")
                .put("language", "de")
                .put("authorizedFrom", from.toString())
                .put("authorizedBy", "sam")
                .put("authorizedAt", now.toString());
        if (keycloakUserId != null) {
            data.put("keycloakUserId", keycloakUserId);
        }
        if (until != null) {
            data.put("authorizedUntil", until.toString());
        }
        return envelope(CONTACT_AUTHORIZED, systemId, now, data);
    }

    /** A {@code contact-revoked} envelope: the authorization ends on {@code until} (the day of the revocation). */
    public static JsonObject contactRevoked(String systemId, long sequence, UUID contactId, String keycloakUserId,
            LocalDate from, LocalDate until) {
        Instant now = Instant.now();
        return envelope(CONTACT_REVOKED, systemId, now, new JsonObject()
                .put("sequence", sequence)
                .put("systemId", systemId)
                .put("contactId", contactId.toString())
                .put("keycloakUserId", keycloakUserId)
                .put("authorizedFrom", from.toString())
                .put("authorizedUntil", until.toString())
                .put("revokedBy", "sam")
                .put("revokedAt", now.toString()));
    }

    /** Publishes a contract-valid event on its topic, keyed by the account's system ID. */
    public static void publish(JsonObject event) {
        String topic = event.getString("type").replace("io.supportplatform.", "").replace(".v1", "");
        EventContract contract = CONTRACTS.computeIfAbsent(topic, t -> EventContract.of(t + ".v1.schema.json"));
        OutputUnit result = contract.validate(event);
        if (!result.getValid()) {
            throw new AssertionError("test event violates " + topic + ".v1: " + result.getErrors() + "\n"
                    + event.encodePrettily());
        }
        publishRaw(topic, event.getString("subject"), event.encode());
    }

    /** Publishes any value, e.g. a malformed one, as contact-service's relay would (same header). */
    public static void publishRaw(String topic, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e.getCause());
        }
    }

    private static JsonObject envelope(String topic, String systemId, Instant time, JsonObject data) {
        return new JsonObject()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("type", "io.supportplatform." + topic + ".v1")
                .put("source", "/contact-service")
                .put("time", time.toString())
                .put("subject", systemId)
                .put("datacontenttype", "application/json")
                .put("data", data);
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }
}
