package io.supportplatform.kb.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.supportplatform.devstack.testing.EventContract;
import io.supportplatform.devstack.testing.PublishedEvents;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.kb.MessagingProfile;
import io.supportplatform.kb.TestArticles;
import io.vertx.core.json.JsonObject;

/**
 * Ticket events in (issue 6 items 3 and 4): tickets filed although articles were suggested count per article;
 * resolved tickets without a linked article queue up as article candidates for agents, deduped by ticket,
 * newest first, turned into drafts or dismissed exactly once.
 */
@QuarkusTest
@TestProfile(MessagingProfile.class)
class TicketEventsInTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String CUSTOMER = TestTokens.customer("anna", "100001");
    static final String AGENT = TestArticles.AGENT;

    @Test
    void aTicketFiledAfterSuggestionsCountsOncePerArticleEvenWhenRedelivered() {
        String suggested = TestArticles.published(TestArticles.article("Backup job fails", "Check the share.",
                "Filed-Test", "PUBLIC"));
        JsonObject first = TicketEvents.ticketCreated(UUID.randomUUID().toString(), List.of(suggested));
        assertValid("ticket-created.v1.schema.json", first);
        TicketEvents.publish("ticket-created", first.getString("subject"), first.encode());
        TicketEvents.publish("ticket-created", first.getString("subject"), first.encode()); // redelivery
        JsonObject second = TicketEvents.ticketCreated(UUID.randomUUID().toString(), List.of(suggested, suggested));
        TicketEvents.publish("ticket-created", second.getString("subject"), second.encode());
        JsonObject none = TicketEvents.ticketCreated(UUID.randomUUID().toString(), null); // older producers
        TicketEvents.publish("ticket-created", none.getString("subject"), none.encode());

        awaitTrue(() -> feedback(suggested).getInt("feedback.filedAfterSuggestion") == 2, "two tickets filed anyway");
        sleep(Duration.ofSeconds(2)); // nothing more arrives
        assertEquals(2, feedback(suggested).getInt("feedback.filedAfterSuggestion"));
    }

    @Test
    void resolvedTicketsWithoutALinkedArticleQueueUpOncePerTicketNewestFirst() {
        Instant base = Instant.parse("2199-01-01T00:00:00Z").plusSeconds((long) (Math.random() * 1_000_000));
        String older = UUID.randomUUID().toString();
        String newer = UUID.randomUUID().toString();
        String linked = UUID.randomUUID().toString();
        JsonObject olderEvent = TicketEvents.ticketResolved(older, 5, "Agent offline after update", "Restarted it.",
                List.of(), base);
        TicketEvents.publish("ticket-resolved", older, olderEvent.encode());
        TicketEvents.publish("ticket-resolved", older, olderEvent.encode()); // redelivery
        TicketEvents.publish("ticket-resolved", newer, TicketEvents.ticketResolved(newer, 7, "Backup fails",
                "Renewed the share password.", List.of(), base.plusSeconds(60)).encode());
        TicketEvents.publish("ticket-resolved", linked, TicketEvents.ticketResolved(linked, 4, "License expired",
                "See the article.", List.of(UUID.randomUUID().toString()), base.plusSeconds(120)).encode());

        awaitTrue(() -> queue(0, 100).getList("candidates.ticketId").containsAll(List.of(older, newer)),
                "both candidates queued");
        JsonPath page = queue(0, 2);
        assertThat("newest first", page.getList("candidates.ticketId"), contains(newer, older));
        assertThat(queue(1, 1).getString("candidates[0].ticketId"), equalTo(older));
        List<String> all = queue(0, 100).getList("candidates.ticketId");
        assertEquals(1, all.stream().filter(older::equals).count(), "deduped by ticket");
        assertThat("a ticket with a linked article is no candidate", all, not(hasItem(linked)));
        assertThat(page.getString("candidates[1].subject"), equalTo("Agent offline after update"));
        assertThat(page.getString("candidates[1].resolution"), equalTo("Restarted it."));
        assertThat(page.getString("candidates[1].ticketNumber"), equalTo("TCK-2026-000123"));

        // The ticket was reopened and resolved again: the newer resolution replaces the queued one...
        TicketEvents.publish("ticket-resolved", older, TicketEvents.ticketResolved(older, 9, "Agent offline after update",
                "Reinstalled the agent.", List.of(), base).encode());
        awaitTrue(() -> "Reinstalled the agent.".equals(candidate(older).get("resolution")), "newer resolution");
        // ...an older one arriving late does not,
        TicketEvents.publish("ticket-resolved", older, TicketEvents.ticketResolved(older, 6, "Agent offline after update",
                "Stale.", List.of(), base).encode());
        // ...and a later resolution that linked an article takes it out of the queue.
        TicketEvents.publish("ticket-resolved", newer, TicketEvents.ticketResolved(newer, 11, "Backup fails",
                "Wrote it up.", List.of(UUID.randomUUID().toString()), base.plusSeconds(60)).encode());
        awaitTrue(() -> candidate(newer) == null, "withdrawn after a linked resolution");
        assertThat(candidate(older).get("resolution"), equalTo("Reinstalled the agent."));
    }

    @Test
    void anAgentTurnsACandidateIntoAnInternalDraftOnce() {
        String ticket = queued("Remote control hangs on macOS 15", "Granted screen recording permission.");
        var response = given().auth().oauth2(AGENT).queryParam("language", "de")
                .post("/api/kb/candidates/{t}/draft", ticket).then().statusCode(201)
                .header("Location", containsString("/api/kb/articles/"))
                .body("status", equalTo("DRAFT"))
                .body("visibility", equalTo("INTERNAL"))
                .body("language", equalTo("de"))
                .body("title", equalTo("Remote control hangs on macOS 15"))
                .body("body", containsString("Granted screen recording permission."))
                .body("body", not(containsString("TCK-")))
                .body("products[0].name", equalTo("Endpoint Manager"))
                .body("products[0].versions", contains("12.0", "12.1"))
                .body("platforms", contains("windows"))
                .body("author", equalTo("alex"))
                .extract();
        String articleId = response.path("id");
        given().auth().oauth2(AGENT).get("/api/kb/articles/{id}", articleId).then().statusCode(200);
        given().auth().oauth2(CUSTOMER).get("/api/kb/articles/{id}", articleId).then().statusCode(404);
        assertThat(queue(0, 100).getList("candidates.ticketId"), not(hasItem(ticket)));

        given().auth().oauth2(AGENT).post("/api/kb/candidates/{t}/draft", ticket).then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(AGENT).post("/api/kb/candidates/{t}/dismiss", ticket).then().statusCode(409);
    }

    @Test
    void anAgentDismissesACandidateOnce() {
        String ticket = queued("Printer icon missing", null);
        given().auth().oauth2(AGENT).post("/api/kb/candidates/{t}/dismiss", ticket).then().statusCode(204);
        assertThat(queue(0, 100).getList("candidates.ticketId"), not(hasItem(ticket)));
        given().auth().oauth2(AGENT).post("/api/kb/candidates/{t}/dismiss", ticket).then().statusCode(409);
        given().auth().oauth2(AGENT).post("/api/kb/candidates/{t}/draft", ticket).then().statusCode(409);
        // A redelivered resolution does not bring a handled candidate back.
        TicketEvents.publish("ticket-resolved", ticket, TicketEvents.ticketResolved(ticket, 3, "Printer icon missing",
                null, List.of(), Instant.now()).encode());
        sleep(Duration.ofSeconds(3));
        assertThat(queue(0, 100).getList("candidates.ticketId"), not(hasItem(ticket)));
    }

    @Test
    void theQueueIsForStaffAndBadRequestsAre4xx() {
        given().auth().oauth2(CUSTOMER).get("/api/kb/candidates").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(CUSTOMER).post("/api/kb/candidates/{t}/dismiss", UUID.randomUUID().toString())
                .then().statusCode(403);
        given().auth().oauth2(CUSTOMER).post("/api/kb/candidates/{t}/draft", UUID.randomUUID().toString())
                .then().statusCode(403);
        given().get("/api/kb/candidates").then().statusCode(401);
        given().auth().oauth2(AGENT).post("/api/kb/candidates/{t}/dismiss", UUID.randomUUID().toString())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(AGENT).post("/api/kb/candidates/{t}/draft", UUID.randomUUID().toString())
                .then().statusCode(404);
        given().auth().oauth2(AGENT).queryParam("page", "-1").get("/api/kb/candidates").then().statusCode(400)
                .body("violations.field", hasItem("page"));
        given().auth().oauth2(AGENT).queryParam("size", "abc").get("/api/kb/candidates").then().statusCode(400)
                .body("violations.field", hasItem("size"));
        given().auth().oauth2(AGENT).queryParam("size", "101").get("/api/kb/candidates").then().statusCode(400);
        given().auth().oauth2(AGENT).queryParam("language", "fr")
                .post("/api/kb/candidates/{t}/draft", UUID.randomUUID().toString()).then().statusCode(400)
                .body("violations.field", hasItem("language"));
    }

    @Test
    void aMalformedTicketEventGoesToTheDeadLetterTopic() {
        String ticket = UUID.randomUUID().toString();
        JsonObject event = TicketEvents.ticketResolved(ticket, 2, "Broken", null, List.of(), Instant.now());
        event.getJsonObject("data").remove("linkedArticleIds");
        event.getJsonObject("data").put("systemId", "12");
        TicketEvents.publish("ticket-resolved", ticket, event.encode());
        ConsumerRecord<String, String> dead = PublishedEvents.awaitRecord("dead-letter-kb", ticket, WAIT);
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason, containsString("linkedArticleIds"));
        assertThat(reason, containsString("systemId"));
        assertThat(queue(0, 100).getList("candidates.ticketId"), not(hasItem(ticket)));
    }

    /** Publishes a resolution without linked article and waits until it is queued. @return the ticket id */
    private static String queued(String subject, String resolution) {
        String ticket = UUID.randomUUID().toString();
        TicketEvents.publish("ticket-resolved", ticket, TicketEvents.ticketResolved(ticket, 3, subject, resolution,
                List.of(), Instant.now()).encode());
        awaitTrue(() -> candidate(ticket) != null, "candidate " + ticket + " queued");
        return ticket;
    }

    private static Map<String, Object> candidate(String ticketId) {
        List<Map<String, Object>> all = queue(0, 100).getList("candidates");
        return all.stream().filter(c -> ticketId.equals(c.get("ticketId"))).findFirst().orElse(null);
    }

    private static JsonPath queue(int page, int size) {
        return given().auth().oauth2(AGENT).queryParam("page", page).queryParam("size", size)
                .get("/api/kb/candidates").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath feedback(String articleId) {
        return given().auth().oauth2(AGENT).get("/api/kb/articles/{id}", articleId).then().statusCode(200)
                .extract().jsonPath();
    }

    private static void assertValid(String schema, JsonObject event) {
        EventContract contract = EventContract.of(schema);
        assertTrue(contract.validate(event).getValid(), () -> contract.validate(event).getErrors().toString());
    }

    static void awaitTrue(Supplier<Boolean> condition, String what) {
        ArticleEventsTest.awaitTrue(condition, what);
    }

    static void sleep(Duration duration) {
        ArticleEventsTest.sleep(duration);
    }
}
