package io.supportplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.supportplatform.devstack.DevStack;

/**
 * The walking skeleton end to end: real Kafka, PostgreSQL, MongoDB-wire server and Keycloak, and all six
 * services as their own processes, driven only through the gateway with tokens from Keycloak. The platform is
 * the run's {@link SharedPlatform}.
 */
@ExtendWith(SharedPlatform.class)
class WalkingSkeletonIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    private static DevStack platform;

    @BeforeAll
    static void connect(DevStack shared) {
        platform = shared;
        RestAssured.baseURI = platform.gatewayUrl();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        // P12.1: anna and jonas file as authorized contacts of 100001 (demo data, or set up here if absent)
        Contacts.ensureDemoContacts(platform);
    }

    @Test
    void severityOneTicketFiledThroughTheGatewayGetsItsTwoHourClock() {
        String anna = token("anna");
        Response filed = given().auth().oauth2(anna).contentType(ContentType.JSON)
                .body(Map.of("systemId", "100001", "severity", 1, "subject", "All agents offline",
                        "description", "Since 08:00 no agent reports to the server (P8.1)."))
                .post("/api/tickets")
                .then().statusCode(201)
                // Absolute URL of the ticket as the client sees it: through the gateway, never the internal address.
                .header("Location", startsWith(platform.gatewayUrl() + "/api/tickets/"))
                .body("ticketNumber", matchesPattern("TCK-\\d{4}-\\d{6}"))
                .extract().response();
        String ticketId = filed.path("id");
        Instant createdAt = Instant.parse(filed.path("createdAt"));

        // P8.1: severity 1 is answered within 2 hours; the clock runs from the moment of filing.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(anna).get("/api/sla/tickets/{id}/clocks", ticketId)
                        .then().statusCode(200)
                        .body("type", hasItems("FIRST_RESPONSE")));
        Map<String, Object> clock = given().auth().oauth2(anna).get("/api/sla/tickets/{id}/clocks", ticketId)
                .then().extract().path("find { it.type == 'FIRST_RESPONSE' }");
        assertEquals("RUNNING", clock.get("state"));
        assertEquals(120, ((Number) clock.get("targetMinutes")).intValue());
        assertEquals(createdAt, Instant.parse((String) clock.get("startedAt")));
        assertEquals(createdAt.plus(Duration.ofHours(2)), Instant.parse((String) clock.get("deadline")));
    }

    @Test
    void requestsWithoutATokenAreUnauthorized() {
        given().contentType(ContentType.JSON).body(Map.of("systemId", "100001", "severity", 1))
                .post("/api/tickets")
                .then().statusCode(401).contentType(PROBLEM_JSON);
        given().get("/api/sla/tickets/{id}/clocks", "6d0c8b8e-34b5-4b2a-9f57-1b1f2f0b7d11")
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void aRoleThatMayNotFileIsForbidden() {
        given().auth().oauth2(token("ops")).contentType(ContentType.JSON)
                .body(Map.of("systemId", "100001", "severity", 2, "subject", "x", "description", "y"))
                .post("/api/tickets")
                .then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void anotherAccountsTicketAndClocksAreNotFound() {
        // Severity 3 carries the P5 items the default configuration asks for at that severity.
        String ticketId = given().auth().oauth2(token("jonas")).contentType(ContentType.JSON)
                .body(Map.of("systemId", "100001", "severity", 3, "subject", "Report export slow",
                        "description", "The monthly export takes an hour.",
                        "products", List.of(Map.of("name", "Asset Manager", "version", "12.4", "patches", List.of("12.4.2"))),
                        "platforms", List.of(Map.of("name", "Windows Server", "version", "2022")),
                        "environment", "Two application servers, PostgreSQL 16, 800 managed devices.",
                        "reproductionSteps", "Reports > Monthly > Export as CSV.",
                        "desiredResult", "The export finishes within a few minutes."))
                .post("/api/tickets").then().statusCode(201).extract().path("id");
        String maria = token("maria");
        given().auth().oauth2(maria).get("/api/tickets/{id}", ticketId)
                .then().statusCode(404).contentType(PROBLEM_JSON);
        given().auth().oauth2(maria).get("/api/sla/tickets/{id}/clocks", ticketId)
                .then().statusCode(404).contentType(PROBLEM_JSON);
        // Support staff see every account's tickets.
        given().auth().oauth2(token("agent")).get("/api/tickets/{id}", ticketId)
                .then().statusCode(200).body("systemId", equalTo("100001"));
    }

    @Test
    void invalidTicketsAreAnsweredWithEveryOffendingField() {
        given().auth().oauth2(token("anna")).contentType(ContentType.JSON)
                .body(Map.of("systemId", "12ab", "severity", 0, "subject", "", "description", "d"))
                .post("/api/tickets")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItems("systemId", "severity", "subject"));
    }

    @Test
    void theRequestIdTravelsThroughTheGateway() {
        given().auth().oauth2(token("agent")).header("X-Request-Id", "e2e-trace-1")
                .get("/api/tickets/{id}", "6d0c8b8e-34b5-4b2a-9f57-1b1f2f0b7d11")
                .then().statusCode(404).header("X-Request-Id", "e2e-trace-1")
                .body("requestId", equalTo("e2e-trace-1"));
    }

    /** A real Keycloak access token by password grant, as the README's curl gets one. */
    private static String token(String user) {
        return given().baseUri(platform.tokenEndpoint()).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "support-portal")
                .formParam("username", user).formParam("password", "demo")
                .post()
                .then().statusCode(200).extract().path("access_token");
    }
}
