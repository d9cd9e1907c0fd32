package io.supportplatform.contact.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.supportplatform.contact.ShiftedClock;
import io.supportplatform.devstack.testing.EventContract;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.PublishedEvents;
import io.supportplatform.devstack.testing.TestTokens;
import io.vertx.core.json.JsonObject;

/** Redesignations (P12.5) take effect on their date, exactly once, and only if they still fit the quota (P12.2). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(PostgresTestResource.class)
class RedesignationActivationTest {

    static final String ADMIN = TestTokens.user("ada", "admin");
    static final Duration WAIT = Duration.ofSeconds(60);
    static final AtomicInteger NEXT_SYSTEM_ID = new AtomicInteger(700000);

    @Inject
    RedesignationActivation activation;
    @Inject
    Scheduler scheduler;
    @Inject
    ShiftedClock clock;

    @AfterEach
    void realTimeAndSchedulerBack() {
        clock.reset();
        scheduler.resume(RedesignationActivation.JOB);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static String openAccount(int quota) {
        String systemId = String.valueOf(NEXT_SYSTEM_ID.incrementAndGet());
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("systemId", systemId, "name", "Muster AG", "region", "EU-DE", "supportLevel", "STANDARD",
                        "contactQuota", quota))
                .post("/api/accounts").then().statusCode(201);
        return systemId;
    }

    static String addContact(String systemId, String email) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Jonas Keller", "email", email, "phone", "+4930123456789", "language", "de",
                        "authorizedFrom", today().toString()))
                .post("/api/accounts/" + systemId + "/contacts").then().statusCode(201).extract().path("id");
    }

    static String submit(String systemId, LocalDate effectiveOn, List<String> addEmails, List<String> remove) {
        List<Map<String, Object>> add = new ArrayList<>();
        for (String email : addEmails) {
            Map<String, Object> named = new HashMap<>();
            named.put("name", "Lena Vogt");
            named.put("email", email);
            named.put("phone", "+4940123456789");
            named.put("language", "en");
            named.put("keycloakUserId", "kc-" + email);
            add.add(named);
        }
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("effectiveOn", effectiveOn.toString(), "add", add, "remove", remove))
                .post("/api/accounts/" + systemId + "/redesignations").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> redesignation(String systemId, String id) {
        return given().auth().oauth2(ADMIN).get("/api/accounts/" + systemId + "/redesignations/" + id)
                .then().statusCode(200).extract().path("$");
    }

    static List<String> auditActions(String systemId) {
        return given().auth().oauth2(ADMIN).get("/api/accounts/" + systemId + "/audit?size=200")
                .then().statusCode(200).extract().path("action");
    }

    static long count(List<String> actions, String action) {
        return actions.stream().filter(action::equals).count();
    }

    @Test
    void aPendingChangeTakesEffectExactlyOnceAcrossAStoppedAndRestartedActivator() throws Exception {
        scheduler.pause(RedesignationActivation.JOB);
        String systemId = openAccount(2);
        String leaving = addContact(systemId, "leaving@example.com");
        LocalDate effectiveOn = today().plusDays(1);
        String id = submit(systemId, effectiveOn, List.of("successor@example.com"), List.of(leaving));

        // The day comes while no activator runs; an instance that claimed the change dies before committing.
        clock.shift(Duration.ofDays(1));
        crashWhileHolding(id);
        Thread.sleep(1500); // more than a scheduler interval: the paused job must not have run
        assertEquals("PENDING", redesignation(systemId, id).get("status"));

        // The activator starts again: the change is still in the database and due.
        scheduler.resume(RedesignationActivation.JOB);
        Awaitility.await().atMost(WAIT).until(() -> "APPLIED".equals(redesignation(systemId, id).get("status")));

        // Stopping and starting it once more (and another activator on top) applies nothing a second time.
        scheduler.pause(RedesignationActivation.JOB);
        scheduler.resume(RedesignationActivation.JOB);
        assertEquals(0, activation.activate(effectiveOn).await().atMost(WAIT));
        Thread.sleep(2500);

        List<String> actions = auditActions(systemId);
        assertEquals(1, count(actions, "REDESIGNATION_APPLIED"), actions.toString());
        assertEquals(1, count(actions, "CONTACT_REVOKED"), actions.toString());
        assertEquals(2, count(actions, "CONTACT_AUTHORIZED"), actions.toString()); // the first contact + successor
        List<Map<String, Object>> contacts = given().auth().oauth2(ADMIN)
                .get("/api/accounts/" + systemId + "/contacts").then().statusCode(200).extract().path("$");
        assertThat(contacts, hasSize(2));
        Map<String, Object> successor = contacts.stream().filter(c -> c.get("email").equals("successor@example.com"))
                .findFirst().orElseThrow();
        assertEquals(effectiveOn.toString(), successor.get("authorizedFrom"));
        Map<String, Object> left = contacts.stream().filter(c -> c.get("id").equals(leaving)).findFirst().orElseThrow();
        assertEquals(effectiveOn.toString(), left.get("authorizedUntil"));

        // The same events as any other change of contacts, for the ticket-service's read model.
        List<ConsumerRecord<String, String>> authorized = PublishedEvents.awaitAll(List.of("contact-authorized"),
                systemId, 2, WAIT);
        assertEquals(2, authorized.size(), "one contact-authorized per contact, none twice");
        JsonObject successorEvent = authorized.stream().map(r -> new JsonObject(r.value()))
                .filter(e -> "successor@example.com".equals(e.getJsonObject("data").getString("email")))
                .findFirst().orElseThrow();
        assertValid("contact-authorized", successorEvent);
        assertEquals(effectiveOn.toString(), successorEvent.getJsonObject("data").getString("authorizedFrom"));
        List<ConsumerRecord<String, String>> revoked = PublishedEvents.awaitAll(List.of("contact-revoked"),
                systemId, 1, WAIT);
        assertEquals(1, revoked.size());
        JsonObject revokedEvent = new JsonObject(revoked.get(0).value());
        assertValid("contact-revoked", revokedEvent);
        assertEquals(leaving, revokedEvent.getJsonObject("data").getString("contactId"));
    }

    @Test
    void concurrentActivatorsNeverApplyAChangeTwice() {
        scheduler.pause(RedesignationActivation.JOB);
        LocalDate effectiveOn = today().plusDays(2);
        List<String> accounts = new ArrayList<>();
        Map<String, String> changes = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            String systemId = openAccount(10);
            accounts.add(systemId);
            changes.put(systemId, submit(systemId, effectiveOn, List.of("a@example.com", "b@example.com"), List.of()));
            submit(systemId, effectiveOn.plusDays(1), List.of("c@example.com"), List.of());
        }

        // six activators at once, as if six instances ran the job at the same moment
        List<Uni<Integer>> activators = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            activators.add(activation.activate(effectiveOn));
        }
        List<Integer> settled = Uni.join().all(activators).andFailFast().await().atMost(WAIT);

        int due = 0;
        for (String systemId : accounts) {
            List<String> actions = auditActions(systemId);
            assertEquals(1, count(actions, "REDESIGNATION_APPLIED"), systemId + ": " + actions);
            assertEquals(2, count(actions, "CONTACT_AUTHORIZED"), systemId + ": " + actions);
            assertEquals("APPLIED", redesignation(systemId, changes.get(systemId)).get("status"));
            due++;
        }
        // (other test classes' changes due by then may be settled too)
        assertTrue(settled.stream().mapToInt(Integer::intValue).sum() >= due, "settled per activator: " + settled);
        // the changes of the next day are not due yet
        for (String systemId : accounts) {
            List<Map<String, Object>> all = given().auth().oauth2(ADMIN)
                    .get("/api/accounts/" + systemId + "/redesignations").then().extract().path("$");
            assertEquals(1, all.stream().filter(c -> "PENDING".equals(c.get("status"))).count());
        }
    }

    @Test
    void aChangeThatNoLongerFitsTheQuotaOnItsDateFailsWithTheReason() {
        scheduler.pause(RedesignationActivation.JOB);
        String systemId = openAccount(2);
        addContact(systemId, "first@example.com");
        LocalDate effectiveOn = today().plusDays(3);
        String id = submit(systemId, effectiveOn, List.of("later@example.com"), List.of());
        // meanwhile the last free slot is taken directly
        addContact(systemId, "direct@example.com");

        assertTrue(activation.activate(effectiveOn).await().atMost(WAIT) >= 1);

        Map<String, Object> failed = redesignation(systemId, id);
        assertEquals("FAILED", failed.get("status"));
        assertThat(failed.get("failureReason"), notNullValue());
        assertTrue(failed.get("failureReason").toString().contains("contact quota of 2"), failed.toString());
        List<String> actions = auditActions(systemId);
        assertEquals("REDESIGNATION_FAILED", actions.get(0));
        assertEquals(2, count(actions, "CONTACT_AUTHORIZED"), "nothing of the change applied: " + actions);
        given().auth().oauth2(ADMIN).get("/api/accounts/" + systemId + "/contacts").then().body("size()", equalTo(2));
        // a failed change is settled: it cannot be withdrawn any more
        given().auth().oauth2(ADMIN).delete("/api/accounts/" + systemId + "/redesignations/" + id)
                .then().statusCode(409);
    }

    @Test
    void anAppliedChangeCannotBeWithdrawn() {
        scheduler.pause(RedesignationActivation.JOB);
        String systemId = openAccount(3);
        LocalDate effectiveOn = today().plusDays(4);
        String id = submit(systemId, effectiveOn, List.of("new@example.com"), List.of());
        assertTrue(activation.activate(effectiveOn).await().atMost(WAIT) >= 1);

        given().auth().oauth2(ADMIN).delete("/api/accounts/" + systemId + "/redesignations/" + id)
                .then().statusCode(409);
        assertEquals("APPLIED", redesignation(systemId, id).get("status"));
    }

    private static void assertValid(String topic, JsonObject event) {
        var result = EventContract.of(topic + ".v1.schema.json").validate(event);
        assertTrue(result.getValid(), () -> result.getErrors() + "\n" + event.encodePrettily());
    }

    /**
     * Claims the change like an activator ({@code FOR UPDATE}) in a transaction that never commits: the connection
     * goes away, as with an instance killed mid-activation. The row lock goes with it.
     */
    private static void crashWhileHolding(String id) throws SQLException {
        var config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            connection.setAutoCommit(false);
            try (PreparedStatement claim = connection.prepareStatement(
                    "select status from redesignation where id = ? for update skip locked")) {
                claim.setObject(1, UUID.fromString(id));
                try (ResultSet row = claim.executeQuery()) {
                    assertTrue(row.next(), "claimed");
                }
                try (PreparedStatement apply = connection.prepareStatement(
                        "update redesignation set status = 'APPLIED' where id = ?")) {
                    apply.setObject(1, UUID.fromString(id));
                    assertEquals(1, apply.executeUpdate());
                }
            }
            // closed without commit: rolled back
        }
    }
}
