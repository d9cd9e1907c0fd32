package io.supportplatform.ticket.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.ticket.ContactEvents;
import io.supportplatform.ticket.Filings;

/** Working a ticket: public replies, internal notes (P3.1) and the status lifecycle. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class RepliesAndStatusTest {

    static final String ANNA = TestTokens.customer("anna", "100001");
    static final String BOB_OF_ANOTHER_ACCOUNT = TestTokens.customer("bob", "200002");
    static final String AGENT = TestTokens.agent("alex");

    static final List<String> STATUSES = List.of("NEW", "OPEN", "WAITING_FOR_CUSTOMER", "RESOLVED", "REOPENED",
            "CLOSED");

    /** The lifecycle as the issue states it, written out independently of the production code. */
    static final Map<String, List<String>> ALLOWED = Map.of(
            "NEW", List.of("OPEN"),
            "OPEN", List.of("WAITING_FOR_CUSTOMER", "RESOLVED"),
            "WAITING_FOR_CUSTOMER", List.of("OPEN"),
            "RESOLVED", List.of("CLOSED", "REOPENED"),
            "REOPENED", List.of("OPEN"),
            "CLOSED", List.of());

    /** The shortest way from NEW to each status. */
    static final Map<String, List<String>> PATH_TO = Map.of(
            "NEW", List.of(),
            "OPEN", List.of("OPEN"),
            "WAITING_FOR_CUSTOMER", List.of("OPEN", "WAITING_FOR_CUSTOMER"),
            "RESOLVED", List.of("OPEN", "RESOLVED"),
            "REOPENED", List.of("OPEN", "RESOLVED", "REOPENED"),
            "CLOSED", List.of("OPEN", "RESOLVED", "CLOSED"));

    /** P12.1: anna files and replies as an authorized contact of account 100001 (published as contact-service does). */
    @BeforeEach
    void annaIsAnAuthorizedContact() {
        ContactEvents.authorize("anna", "100001");
    }

    static String fileTicket() {
        return given().auth().oauth2(ANNA).contentType(ContentType.JSON)
                .body(Filings.complete("100001", 2, "Agents cannot log in", "Every login fails."))
                .when().post("/api/tickets")
                .then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse reply(String token, String ticketId, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/tickets/" + ticketId + "/replies")
                .then();
    }

    static ValidatableResponse changeStatus(String token, String ticketId, String status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("status", status, "reason", "moving to " + status))
                .when().post("/api/tickets/" + ticketId + "/status")
                .then();
    }

    static String statusOf(String ticketId) {
        return given().auth().oauth2(AGENT).when().get("/api/tickets/" + ticketId)
                .then().statusCode(200).extract().path("status");
    }

    @Test
    void customerSeesPublicRepliesOnlyAndSupportSeesInternalNotesToo() {
        String id = fileTicket();

        reply(ANNA, id, Map.of("body", "Here is the log.")).statusCode(201)
                .body("ticketId", equalTo(id))
                .body("author", equalTo("anna"))
                .body("authorRole", equalTo("CUSTOMER"))
                .body("visibility", equalTo("PUBLIC"));
        reply(AGENT, id, Map.of("body", "Please restart the license service.", "visibility", "PUBLIC"))
                .statusCode(201).body("authorRole", equalTo("SUPPORT")).body("visibility", equalTo("PUBLIC"));
        reply(AGENT, id, Map.of("body", "Customer runs an unpatched hotfix - check HF-03.", "visibility",
                "INTERNAL")).statusCode(201).body("visibility", equalTo("INTERNAL"));

        given().auth().oauth2(ANNA).when().get("/api/tickets/" + id + "/replies")
                .then().statusCode(200)
                .body("", hasSize(2))
                .body("visibility", everyItem(equalTo("PUBLIC")))
                .body("body", not(hasItem(containsString("unpatched"))))
                .body("body", equalTo(List.of("Here is the log.", "Please restart the license service.")));
        given().auth().oauth2(AGENT).when().get("/api/tickets/" + id + "/replies")
                .then().statusCode(200)
                .body("", hasSize(3))
                .body("visibility", equalTo(List.of("PUBLIC", "PUBLIC", "INTERNAL")));
    }

    @Test
    void customerCannotPostInternalNotesNorChangeTheStatus() {
        String id = fileTicket();

        reply(ANNA, id, Map.of("body", "psst", "visibility", "INTERNAL"))
                .statusCode(403).contentType("application/problem+json");
        changeStatus(ANNA, id, "OPEN").statusCode(403).contentType("application/problem+json");

        given().auth().oauth2(AGENT).when().get("/api/tickets/" + id + "/replies")
                .then().statusCode(200).body("", hasSize(0));
        assertEquals("NEW", statusOf(id));
    }

    @Test
    void anotherAccountsTicketIsNotFoundForRepliesToo() {
        String id = fileTicket();

        reply(BOB_OF_ANOTHER_ACCOUNT, id, Map.of("body", "Hello?")).statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(BOB_OF_ANOTHER_ACCOUNT).when().get("/api/tickets/" + id + "/replies")
                .then().statusCode(404).contentType("application/problem+json");
        reply(AGENT, UUID.randomUUID().toString(), Map.of("body", "Hello?")).statusCode(404);
        changeStatus(AGENT, "no-ticket", "OPEN").statusCode(404);

        given().auth().oauth2(AGENT).when().get("/api/tickets/" + id + "/replies")
                .then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void invalidRepliesAndStatusesAreRejectedNamingTheField() {
        String id = fileTicket();

        reply(AGENT, id, Map.of("body", " ", "visibility", "SECRET")).statusCode(400)
                .contentType("application/problem+json");
        reply(AGENT, id, Map.of("body", " ")).statusCode(400)
                .body("violations.field", equalTo(List.of("body")));
        changeStatus(AGENT, id, "SOLVED").statusCode(400)
                .body("violations.field", equalTo(List.of("status")));
    }

    @Test
    void everyMoveOfTheLifecycleIsAllowedOrAnsweredWithConflict() {
        List<String> mismatches = new ArrayList<>();
        for (String from : STATUSES) {
            for (String to : STATUSES) {
                String id = fileTicket();
                for (String step : PATH_TO.get(from)) {
                    changeStatus(AGENT, id, step).statusCode(200);
                }
                boolean allowed = ALLOWED.get(from).contains(to);
                int status = changeStatus(AGENT, id, to).extract().statusCode();
                String now = statusOf(id);
                if (allowed ? status != 200 || !now.equals(to) : status != 409 || !now.equals(from)) {
                    mismatches.add(from + " -> " + to + ": answered " + status + ", now " + now);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void rejectedMoveIsAProblemNamingWhereTheTicketMayGo() {
        String id = fileTicket();

        changeStatus(AGENT, id, "RESOLVED").statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString("is NEW and cannot move to RESOLVED"))
                .body("detail", containsString("OPEN"));
    }

    @Test
    void customerReplyEndsTheWaitForTheCustomer() {
        String id = fileTicket();
        changeStatus(AGENT, id, "OPEN").statusCode(200).body("status", equalTo("OPEN"));
        changeStatus(AGENT, id, "WAITING_FOR_CUSTOMER").statusCode(200);

        // P9.3: the customer's information arrived, support works on it again
        reply(ANNA, id, Map.of("body", "The log is attached.")).statusCode(201);
        assertEquals("OPEN", statusOf(id));

        // a support reply does not move the ticket
        changeStatus(AGENT, id, "WAITING_FOR_CUSTOMER").statusCode(200);
        reply(AGENT, id, Map.of("body", "Still waiting for the log.")).statusCode(201);
        assertEquals("WAITING_FOR_CUSTOMER", statusOf(id));
    }

    @Test
    void closedTicketTakesNoMoreReplies() {
        String id = fileTicket();
        for (String step : PATH_TO.get("CLOSED")) {
            changeStatus(AGENT, id, step).statusCode(200);
        }

        reply(ANNA, id, Map.of("body", "One more thing.")).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("closed"));
    }
}
