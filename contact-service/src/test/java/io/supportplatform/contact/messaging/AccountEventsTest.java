package io.supportplatform.contact.messaging;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.supportplatform.devstack.testing.PublishedEvents;
import io.supportplatform.devstack.testing.EventContract;

/** Changes to accounts and contacts reach Kafka as the contracts in deploy/contracts describe them. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AccountEventsTest {

    static final String ADMIN = TestTokens.user("ada", "admin");
    static final Duration WAIT = Duration.ofSeconds(30);
    /** System IDs of this class, apart from those of the other test classes sharing the database. */
    static final AtomicInteger NEXT_SYSTEM_ID = new AtomicInteger(500000);

    static final Map<String, EventContract> CONTRACTS = Map.of(
            CustomerAccountChanged.TOPIC, EventContract.of("customer-account-changed.v1.schema.json"),
            ContactAuthorized.TOPIC, EventContract.of("contact-authorized.v1.schema.json"),
            ContactRevoked.TOPIC, EventContract.of("contact-revoked.v1.schema.json"));

    static String openAccount() {
        String systemId = String.valueOf(NEXT_SYSTEM_ID.incrementAndGet());
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("systemId", systemId, "licenseCode", systemId + "-7F3A", "name", "Muster GmbH",
                        "region", "EU-DE", "supportLevel", "PREMIUM", "contactQuota", 2))
                .when().post("/api/accounts").then().statusCode(201);
        return systemId;
    }

    static String authorizeContact(String systemId, String username) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Anna Berger", "email", username + "@example.com", "phone", "+4930123456789",
                        "language", "en", "keycloakUserId", TestTokens.subject(username),
                        "authorizedFrom", today().toString()))
                .when().post("/api/accounts/" + systemId + "/contacts")
                .then().statusCode(201).extract().path("id");
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The record's CloudEvent, after checking envelope, key and contract. */
    static JsonObject event(ConsumerRecord<String, String> record, String systemId) {
        assertEquals(systemId, record.key(), "record key");
        Header contentType = record.headers().lastHeader("content-type");
        assertNotNull(contentType, "content-type header");
        assertEquals("application/cloudevents+json", new String(contentType.value(), UTF_8));
        JsonObject event = new JsonObject(record.value());
        OutputUnit result = CONTRACTS.get(record.topic()).validate(event);
        assertTrue(result.getValid(), () -> "violates the contract: " + result.getErrors() + "\n"
                + event.encodePrettily());
        assertEquals("io.supportplatform." + record.topic() + ".v1", event.getString("type"));
        assertEquals("/contact-service", event.getString("source"));
        assertEquals(systemId, event.getString("subject"));
        return event;
    }

    @Test
    void eachChangeIsPublishedInOrderOfTheAccountsSequence() {
        String systemId = openAccount();
        String contactId = authorizeContact(systemId, "anna");
        given().auth().oauth2(ADMIN).when().delete("/api/accounts/" + systemId + "/contacts/" + contactId)
                .then().statusCode(204);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("status", "SUSPENDED"))
                .when().patch("/api/accounts/" + systemId).then().statusCode(200);

        var accountChanges = PublishedEvents.awaitRecords(CustomerAccountChanged.TOPIC, systemId, 2, WAIT);
        JsonObject opened = event(accountChanges.get(0), systemId).getJsonObject("data");
        assertEquals(1, opened.getInteger("sequence"));
        assertEquals("OPENED", opened.getString("change"));
        assertEquals(systemId, opened.getString("systemId"));
        assertEquals(systemId + "-7F3A", opened.getString("licenseCode"));
        assertEquals("ACTIVE", opened.getString("status"));
        assertEquals(2, opened.getInteger("contactQuota"));
        assertEquals("ada", opened.getString("changedBy"));

        JsonObject authorized = event(PublishedEvents.awaitRecord(ContactAuthorized.TOPIC, systemId, WAIT), systemId)
                .getJsonObject("data");
        assertEquals(2, authorized.getInteger("sequence"));
        assertEquals(contactId, authorized.getString("contactId"));
        assertEquals(TestTokens.subject("anna"), authorized.getString("keycloakUserId"));
        assertEquals("anna@example.com", authorized.getString("email"));
        assertEquals("en", authorized.getString("language"));
        assertEquals(today().toString(), authorized.getString("authorizedFrom"));
        assertFalse(authorized.containsKey("authorizedUntil"), "until further notice");

        JsonObject revoked = event(PublishedEvents.awaitRecord(ContactRevoked.TOPIC, systemId, WAIT), systemId)
                .getJsonObject("data");
        assertEquals(3, revoked.getInteger("sequence"));
        assertEquals(contactId, revoked.getString("contactId"));
        assertEquals(TestTokens.subject("anna"), revoked.getString("keycloakUserId"));
        assertEquals(today().toString(), revoked.getString("authorizedUntil"));
        assertEquals("ada", revoked.getString("revokedBy"));

        JsonObject suspended = event(accountChanges.get(1), systemId).getJsonObject("data");
        assertEquals(4, suspended.getInteger("sequence"));
        assertEquals("CHANGED", suspended.getString("change"));
        assertEquals("SUSPENDED", suspended.getString("status"));
    }

    @Test
    void eachAccountCountsItsOwnEvents() {
        String first = openAccount();
        String second = openAccount();
        authorizeContact(second, "bert");

        assertEquals(1, event(PublishedEvents.awaitRecord(CustomerAccountChanged.TOPIC, first, WAIT), first)
                .getJsonObject("data").getInteger("sequence"));
        assertEquals(2, event(PublishedEvents.awaitRecord(ContactAuthorized.TOPIC, second, WAIT), second)
                .getJsonObject("data").getInteger("sequence"));
    }

    @Test
    void theContractExamplesAreValidAndTheSchemasRejectIncompleteEvents() {
        for (String name : CONTRACTS.keySet()) {
            JsonObject example = new JsonObject(EventContract.read(EventContract.CONTRACTS
                    .resolve("examples/" + name + ".v1.json")));
            EventContract contract = CONTRACTS.get(name);
            assertTrue(contract.validate(example).getValid(),
                    () -> name + ": " + contract.validate(example).getErrors());

            JsonObject withoutSequence = example.copy();
            withoutSequence.getJsonObject("data").remove("sequence");
            assertFalse(contract.validate(withoutSequence).getValid(), name + " without sequence");

            JsonObject badSystemId = example.copy();
            badSystemId.getJsonObject("data").put("systemId", "12345");
            assertFalse(contract.validate(badSystemId).getValid(), name + " with a malformed system ID");
        }
    }
}
