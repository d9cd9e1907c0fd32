package io.supportplatform.ticket.messaging;

import static io.restassured.RestAssured.given;
import static io.supportplatform.ticket.ContactEvents.accountChanged;
import static io.supportplatform.ticket.ContactEvents.awaitConsumed;
import static io.supportplatform.ticket.ContactEvents.awaitFilingAuthorization;
import static io.supportplatform.ticket.ContactEvents.contactAuthorized;
import static io.supportplatform.ticket.ContactEvents.contactRevoked;
import static io.supportplatform.ticket.ContactEvents.publish;
import static io.supportplatform.ticket.ContactEvents.today;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.PublishedEvents;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.ticket.ContactEvents;
import io.supportplatform.ticket.Filings;
import io.vertx.core.json.JsonObject;

/**
 * P12.1: only an active authorized contact of an active account files or replies, decided from ticket-service's
 * read model of contact-service's events, published here as contact-service publishes them.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class AuthorizedContactsTest {

    /** A fresh account per test, so tests never see each other's events. */
    private static final AtomicInteger NEXT_ACCOUNT = new AtomicInteger(ThreadLocalRandom.current().nextInt(400_000, 900_000));
    private static final String AGENT = TestTokens.agent("alex");

    private static String newAccount() {
        return String.valueOf(NEXT_ACCOUNT.incrementAndGet());
    }

    private static ValidatableResponse file(String token, String systemId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Filings.complete(systemId, 2, "Agents cannot log in", "Every login fails with E-401."))
                .when().post("/api/tickets")
                .then();
    }

    private static ValidatableResponse filingAuthorization(String token) {
        return given().auth().oauth2(token).when().get("/api/tickets/filing-authorization").then().statusCode(200);
    }

    /** Opens {@code systemId} and authorizes {@code username} from today on: sequences 1 and 2. */
    private static UUID openWithContact(String systemId, String username) {
        UUID contactId = UUID.randomUUID();
        publish(accountChanged(systemId, 1, "OPENED", "ACTIVE"));
        publish(contactAuthorized(systemId, 2, contactId, TestTokens.subject(username), today(), null));
        awaitFilingAuthorization(TestTokens.customer(username, systemId), true);
        return contactId;
    }

    @Test
    void anAuthorizedContactFilesAndAnotherUserOfTheAccountIsRefused() {
        String account = newAccount();
        String carla = TestTokens.customer("carla", account);
        String dieter = TestTokens.customer("dieter", account);
        openWithContact(account, "carla");

        file(carla, account).statusCode(201).body("createdBy", equalTo("carla"));
        filingAuthorization(carla).body("authorized", equalTo(true)).body("reason", nullValue())
                .body("systemId", equalTo(account));

        // dieter's token names the account, but the customer never named him a contact
        file(dieter, account).statusCode(403).contentType("application/problem+json")
                .body("title", equalTo("Not an authorized contact"))
                .body("detail", containsString("not an authorized contact of customer account " + account));
        filingAuthorization(dieter).body("authorized", equalTo(false)).body("reason", equalTo("NOT_A_CONTACT"));
    }

    @Test
    void agentsFileOnACustomersBehalfWithoutAContactCheck() {
        // an account contact-service never told us about, without any contact
        file(AGENT, newAccount()).statusCode(201).body("createdBy", equalTo("alex"));
    }

    @Test
    void aCustomerOfAnAccountNotKnownYetIsRefused() {
        String account = newAccount();
        file(TestTokens.customer("erik", account), account).statusCode(403)
                .body("title", equalTo("Unknown customer account"));
    }

    @Test
    void aRevokedContactCanNoLongerFileNorReplyButSupportStillReplies() {
        String account = newAccount();
        String carla = TestTokens.customer("carla", account);
        UUID contactId = openWithContact(account, "carla");
        String ticketId = file(carla, account).statusCode(201).extract().path("id");

        publish(contactRevoked(account, 3, contactId, TestTokens.subject("carla"), today(), today()));
        awaitFilingAuthorization(carla, false);

        file(carla, account).statusCode(403).body("title", equalTo("Authorization ended"))
                .body("detail", containsString("ended on " + today()));
        filingAuthorization(carla).body("reason", equalTo("AUTHORIZATION_ENDED")).body("day", equalTo(today().toString()));
        reply(carla, ticketId).statusCode(403).contentType("application/problem+json");
        reply(AGENT, ticketId).statusCode(201);
        // she still reads her account's tickets: P12.1 limits asking for support, not reading
        given().auth().oauth2(carla).get("/api/tickets/" + ticketId).then().statusCode(200);
    }

    @Test
    void nobodyFilesForASuspendedAccountUntilItIsActiveAgain() {
        String account = newAccount();
        String carla = TestTokens.customer("carla", account);
        openWithContact(account, "carla");

        publish(accountChanged(account, 3, "CHANGED", "SUSPENDED"));
        awaitFilingAuthorization(carla, false);
        file(carla, account).statusCode(403).body("title", equalTo("Customer account suspended"))
                .body("detail", containsString(account + " is suspended"));

        publish(accountChanged(account, 4, "CHANGED", "ACTIVE"));
        awaitFilingAuthorization(carla, true);
        file(carla, account).statusCode(201);
    }

    @Test
    void aContactAuthorizedFromALaterDayMayNotFileYet() {
        String account = newAccount();
        String carla = TestTokens.customer("carla", account);
        LocalDate nextWeek = today().plusDays(7);
        publish(accountChanged(account, 1, "OPENED", "ACTIVE"));
        publish(contactAuthorized(account, 2, UUID.randomUUID(), TestTokens.subject("carla"), nextWeek, null));
        // and an authorization that ran out yesterday (P12.5: replaced with notice)
        publish(contactAuthorized(account, 3, UUID.randomUUID(), TestTokens.subject("carla"),
                today().minusDays(30), today().minusDays(1)));

        await(() -> filingAuthorization(carla).extract().path("reason"), "NOT_YET_AUTHORIZED");
        file(carla, account).statusCode(403).body("title", equalTo("Authorization not yet in effect"))
                .body("detail", containsString("starts on " + nextWeek));
    }

    @Test
    void eventsArrivingOutOfOrderEndInTheLatestState() {
        String account = newAccount();
        String carla = TestTokens.customer("carla", account);
        UUID contactId = UUID.randomUUID();
        String sub = TestTokens.subject("carla");

        // The revocation (sequence 3) overtakes the authorization (2); the account's opening (1) comes last.
        // The topics are consumed independently: every event of a phase must be in before its end state is
        // checked (awaiting only the late one let the check run before the revocation arrived, once, under load).
        JsonObject revocation = contactRevoked(account, 3, contactId, sub, today().minusDays(10), today());
        publish(revocation);
        JsonObject lateAuthorization = contactAuthorized(account, 2, contactId, sub, today().minusDays(10), null);
        publish(lateAuthorization);
        JsonObject opening = accountChanged(account, 1, "OPENED", "ACTIVE");
        publish(opening);
        awaitConsumed(revocation);
        awaitConsumed(lateAuthorization);
        awaitConsumed(opening);
        assertEquals("AUTHORIZATION_ENDED", filingAuthorization(carla).extract().path("reason"));

        // Named again (4), then suspended (6); the reactivation before it (5) arrives last and changes nothing.
        JsonObject namedAgain = contactAuthorized(account, 4, UUID.randomUUID(), sub, today(), null);
        publish(namedAgain);
        JsonObject suspension = accountChanged(account, 6, "CHANGED", "SUSPENDED");
        publish(suspension);
        JsonObject lateReactivation = accountChanged(account, 5, "CHANGED", "ACTIVE");
        publish(lateReactivation);
        awaitConsumed(namedAgain);
        awaitConsumed(suspension);
        awaitConsumed(lateReactivation);
        assertEquals("ACCOUNT_SUSPENDED", filingAuthorization(carla).extract().path("reason"));
        file(carla, account).statusCode(403);

        publish(accountChanged(account, 7, "CHANGED", "ACTIVE"));
        awaitFilingAuthorization(carla, true);
        file(carla, account).statusCode(201);
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String account = newAccount();
        String carla = TestTokens.customer("carla", account);
        UUID contactId = openWithContact(account, "carla");
        JsonObject revocation = contactRevoked(account, 3, contactId, TestTokens.subject("carla"), today(), today());
        publish(revocation);
        awaitFilingAuthorization(carla, false);

        // The same event again (at-least-once delivery): nothing changes, the contact stays revoked.
        publish(contactAuthorized(account, 2, contactId, TestTokens.subject("carla"), today(), null));
        publish(revocation);
        // Even a redelivery that claimed a later sequence is recognised by its id and not applied again.
        JsonObject reauthorized = contactAuthorized(account, 4, contactId, TestTokens.subject("carla"), today(), null);
        publish(reauthorized);
        awaitFilingAuthorization(carla, true);
        publish(contactRevoked(account, 5, contactId, TestTokens.subject("carla"), today(), today()));
        awaitFilingAuthorization(carla, false);
        JsonObject redelivered = reauthorized.copy();
        redelivered.getJsonObject("data").put("sequence", 6);
        publish(redelivered);
        // its id was consumed long ago: a later record on the same topic and partition (same key) shows it was read
        JsonObject marker = contactAuthorized(account, 7, UUID.randomUUID(), TestTokens.subject("dieter"), today(), null);
        publish(marker);
        awaitConsumed(marker);
        filingAuthorization(carla).body("authorized", equalTo(false)).body("reason", equalTo("AUTHORIZATION_ENDED"));
        file(carla, account).statusCode(403);
    }

    @Test
    void aMalformedEventIsDeadLetteredWithItsReasonAndTheNextOneIsApplied() {
        String account = newAccount();
        String carla = TestTokens.customer("carla", account);
        publish(accountChanged(account, 1, "OPENED", "ACTIVE"));
        JsonObject broken = contactAuthorized(account, 2, UUID.randomUUID(), TestTokens.subject("carla"), today(), null);
        broken.getJsonObject("data").put("authorizedFrom", "next tuesday").remove("contactId");
        ContactEvents.publishRaw(ContactEvents.CONTACT_AUTHORIZED, account, broken.encode());
        publish(contactAuthorized(account, 3, UUID.randomUUID(), TestTokens.subject("carla"), today(), null));

        ConsumerRecord<String, String> dead = PublishedEvents.awaitRecord("dead-letter-ticket", account,
                Duration.ofSeconds(30));
        Header reason = dead.headers().lastHeader("dead-letter-reason");
        assertNotNull(reason, "dead-letter-reason header");
        String why = new String(reason.value(), UTF_8);
        assertTrue(why.contains("data.contactId") && why.contains("data.authorizedFrom"), why);
        awaitFilingAuthorization(carla, true);
    }

    private static ValidatableResponse reply(String token, String ticketId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("body", "Any news?"))
                .when().post("/api/tickets/" + ticketId + "/replies")
                .then();
    }

    private static void await(java.util.concurrent.Callable<Object> actual, Object expected) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(actual, equalTo(expected));
    }
}
