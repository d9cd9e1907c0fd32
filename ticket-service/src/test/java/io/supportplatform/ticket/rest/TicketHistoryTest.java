package io.supportplatform.ticket.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.PublishedEvents;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.ticket.Filings;
import io.vertx.core.json.JsonObject;

/** Every state change of a ticket, who and when (issue 3, item 9); customers never see internal notes (P3.1). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class TicketHistoryTest {

    static final String ANNA = TestTokens.customer("anna", "100001");
    static final String BOB_OF_ANOTHER_ACCOUNT = TestTokens.customer("bob", "200002");
    static final String AGENT = TestTokens.agent("alex");

    static void post(String token, String path, Map<String, String> body, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(path).then().statusCode(status);
    }

    static JsonPath history(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/tickets/" + id + "/history")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void historyRecordsEveryChangeWithActorAndTimeAndHidesInternalNotesFromCustomers() {
        String id = given().auth().oauth2(ANNA).contentType(ContentType.JSON)
                .body(Filings.complete("100001", 2, "Agents cannot log in", "Every login fails."))
                .when().post("/api/tickets").then().statusCode(201).extract().path("id");
        String base = "/api/tickets/" + id;
        post(AGENT, base + "/status", Map.of("status", "OPEN", "reason", "Taken"), 200);
        post(AGENT, base + "/replies", Map.of("body", "Please send the server log."), 201);
        post(AGENT, base + "/replies", Map.of("body", "Customer is on HF-03, suspect it.", "visibility", "INTERNAL"), 201);
        post(AGENT, base + "/status", Map.of("status", "WAITING_FOR_CUSTOMER", "reason", "Log requested"), 200);
        post(ANNA, base + "/replies", Map.of("body", "Log attached."), 201);
        // a refused change is no state change and leaves no trace
        post(AGENT, base + "/status", Map.of("status", "CLOSED"), 409);

        JsonPath all = history(AGENT, id);
        assertEquals(LongStream.rangeClosed(1, 7).boxed().toList(), all.getList("sequence", Long.class));
        assertEquals(List.of("ticket-created", "ticket-status-changed", "agent-replied", "agent-replied",
                "ticket-status-changed", "customer-replied", "ticket-status-changed"), all.getList("type"));
        assertEquals(List.of("anna", "alex", "alex", "alex", "alex", "anna", "anna"), all.getList("actor"));
        assertEquals("INTERNAL", all.getString("[3].data.visibility"));
        assertEquals("WAITING_FOR_CUSTOMER", all.getString("[6].data.from"));
        assertEquals(all.getString("[5].occurredAt"), all.getString("[6].occurredAt"));

        // the history is what was published: the same event ids as on Kafka
        Set<String> published = PublishedEvents.awaitAll(List.of("ticket-created", "ticket-status-changed",
                "agent-replied", "customer-replied"), id, 7, Duration.ofSeconds(60)).stream()
                .map(record -> new JsonObject(record.value()).getString("id")).collect(Collectors.toSet());
        assertEquals(published, Set.copyOf(all.getList("eventId")));

        JsonPath customers = history(ANNA, id);
        assertEquals(List.of(1L, 2L, 3L, 5L, 6L, 7L), customers.getList("sequence", Long.class), "no internal note");
        assertFalse(customers.prettify().contains("suspect it"));

        given().auth().oauth2(BOB_OF_ANOTHER_ACCOUNT).when().get(base + "/history")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(AGENT).when().get("/api/tickets/not-a-ticket/history").then().statusCode(404);
        given().when().get(base + "/history").then().statusCode(401);
        given().auth().oauth2(TestTokens.user("olga", "ops")).when().get(base + "/history").then().statusCode(403)
                .body("status", equalTo(403));
    }
}
