package io.supportplatform.ticket;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.supportplatform.devstack.testing.TestTokens;

/** Tokens and calls for working a ticket, shared by the tests of items 5-7. */
public final class WorkRequests {

    public static final String ANNA = TestTokens.customer("anna", "100001");
    public static final String BOB_OF_ANOTHER_ACCOUNT = TestTokens.customer("bob", "200002");
    public static final String AGENT = TestTokens.agent("alex");
    public static final String TIER2_AGENT = TestTokens.user("tom", "tier2");
    public static final String SUPERVISOR = TestTokens.user("sue", "supervisor");

    private WorkRequests() {
    }

    /** A severity-2 ticket of account 100001, filed by anna. */
    public static String fileTicket() {
        return given().auth().oauth2(ANNA).contentType(ContentType.JSON)
                .body(Filings.complete("100001", 2, "Agents cannot log in", "Every login fails."))
                .when().post("/api/tickets")
                .then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(path).then();
    }

    public static ValidatableResponse put(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put(path).then();
    }

    public static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then();
    }

    public static ValidatableResponse changeStatus(String ticketId, String status, String reason) {
        return post(AGENT, "/api/tickets/" + ticketId + "/status", Map.of("status", status, "reason", reason))
                .statusCode(200);
    }
}
