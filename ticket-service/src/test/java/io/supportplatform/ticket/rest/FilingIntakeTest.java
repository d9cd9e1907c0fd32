package io.supportplatform.ticket.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.supportplatform.devstack.testing.EventContract;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.PublishedEvents;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.ticket.ContactEvents;
import io.supportplatform.ticket.Filings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What filing adds to the P5 items: eligibility flags against the product catalogue (P5.c, P14.e, P15.f, P15.g),
 * the knowledge-base articles shown before filing (P14.b), and filing from the product's "Request Support" button
 * (P2.1). The default catalogue (application.properties) certifies Support Server 7.2 at patch level 7.2.1 on
 * SUSE Linux Enterprise Server 15 SP5/SP6 and Windows Server 2019/2022.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class FilingIntakeTest {

    static final String ANNA = TestTokens.customer("anna", "100001");
    static final String AGENT = TestTokens.agent("alex");
    static final EventContract TICKET_CREATED = EventContract.of("ticket-created.v1.schema.json");

    /** P12.1: anna files as an authorized contact of account 100001 (published as contact-service does). */
    @BeforeEach
    void annaIsAnAuthorizedContact() {
        ContactEvents.authorize("anna", "100001");
    }

    static ValidatableResponse file(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/tickets").then();
    }

    static ValidatableResponse fileInProduct(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/tickets/in-product").then();
    }

    static JsonObject ticketCreated(String ticketId) {
        JsonObject event = new JsonObject(PublishedEvents.awaitRecord("ticket-created", ticketId,
                Duration.ofSeconds(30)).value());
        var result = TICKET_CREATED.validate(event);
        assertTrue(result.getValid(), () -> "violates the contract: " + result.getErrors() + "\n" + event.encodePrettily());
        return event.getJsonObject("data");
    }

    @Test
    void aTicketOnACertifiedPlatformAtTheCurrentPatchLevelIsNotFlagged() {
        String id = file(ANNA, Filings.complete("100001", 2, "Login fails", "E-401 for everyone."))
                .statusCode(201).body("eligibilityFlags", empty()).extract().path("id");

        JsonObject data = ticketCreated(id);
        assertFalse(data.containsKey("eligibilityFlags"), "no flags, no field");
        assertFalse(data.containsKey("suggestedArticleIds"));
    }

    @Test
    void anUncertifiedPlatformAndAMissingPatchAreAcceptedButFlaggedForAgentAndCustomer() {
        Map<String, Object> filing = Filings.complete("100001", 2, "Login fails", "E-401 for everyone.");
        filing.put("products", List.of(Map.of("name", "Support Server", "version", "7.2", "patches", List.of())));
        filing.put("platforms", List.of(Map.of("name", "Windows Server", "version", "2012 R2")));

        String location = file(ANNA, filing).statusCode(201)
                .body("eligibilityFlags.code", containsInAnyOrder("OUTDATED_PATCH_LEVEL", "UNCERTIFIED_PLATFORM"))
                .extract().header("Location");

        for (String viewer : List.of(ANNA, AGENT)) {
            given().auth().oauth2(viewer).get(location).then().statusCode(200)
                    .body("eligibilityFlags", hasSize(2))
                    .body("eligibilityFlags.find { it.code == 'UNCERTIFIED_PLATFORM' }.rule", equalTo("P15.f"))
                    .body("eligibilityFlags.find { it.code == 'UNCERTIFIED_PLATFORM' }.message",
                            containsString("Windows Server 2012 R2 is not certified for Support Server"))
                    .body("eligibilityFlags.find { it.code == 'OUTDATED_PATCH_LEVEL' }.rule", equalTo("P15.g"))
                    .body("eligibilityFlags.find { it.code == 'OUTDATED_PATCH_LEVEL' }.message",
                            containsString("lacks the current patch level 7.2.1"));
        }
        JsonArray flags = ticketCreated(location.substring(location.lastIndexOf('/') + 1))
                .getJsonArray("eligibilityFlags");
        assertEquals(2, flags.size());
    }

    @Test
    void aSupersededVersionAndAnUnknownProductAreFlagged() {
        Map<String, Object> filing = Filings.complete("100001", 4, "How do I export?", "Where is export?");
        filing.put("products", List.of(
                Map.of("name", "support server", "version", "7.1", "patches", List.of("7.1.4")),
                Map.of("name", "Report Studio", "version", "1.0")));

        file(AGENT, filing).statusCode(201)
                .body("eligibilityFlags.code", containsInAnyOrder("SUPERSEDED_VERSION", "UNKNOWN_PRODUCT"))
                .body("eligibilityFlags.find { it.code == 'SUPERSEDED_VERSION' }.rule", equalTo("P14.e"))
                .body("eligibilityFlags.find { it.code == 'SUPERSEDED_VERSION' }.message",
                        containsString("7.1 is not the current version 7.2"));
    }

    @Test
    void theArticlesShownBeforeFilingAreStoredShownAndPublished() {
        Map<String, Object> filing = Filings.complete("100001", 2, "Login fails", "E-401 for everyone.");
        filing.put("suggestedArticleIds", List.of("kb-login-e401", "kb-license-service-restart"));

        String id = file(ANNA, filing).statusCode(201).extract().path("id");

        given().auth().oauth2(AGENT).get("/api/tickets/" + id).then().statusCode(200)
                .body("suggestedArticleIds", equalTo(List.of("kb-login-e401", "kb-license-service-restart")));
        assertEquals(List.of("kb-login-e401", "kb-license-service-restart"),
                ticketCreated(id).getJsonArray("suggestedArticleIds").getList());
    }

    @Test
    void atMostTwentyNonBlankArticleIds() {
        Map<String, Object> filing = Filings.complete("100001", 2, "Login fails", "E-401 for everyone.");
        filing.put("suggestedArticleIds", IntStream.rangeClosed(1, 21).mapToObj(i -> "kb-" + i).toList());
        file(ANNA, filing).statusCode(400).body("violations.field", equalTo(List.of("suggestedArticleIds")));

        filing.put("suggestedArticleIds", List.of("kb-1", " "));
        file(ANNA, filing).statusCode(400).body("violations.field", equalTo(List.of("suggestedArticleIds[1]")));
    }

    static Map<String, Object> inProduct(int severity) {
        Map<String, Object> diagnostics = new HashMap<>();
        diagnostics.put("systemId", "100001");
        diagnostics.put("licenseCode", "100001-AB12-CD34");
        diagnostics.put("product", Map.of("name", "Support Server", "version", "7.2", "patchLevel", "7.2.1"));
        diagnostics.put("platform", Map.of("name", "SUSE Linux Enterprise Server", "version", "15 SP6"));
        diagnostics.put("groupId", "G-17");
        diagnostics.put("deviceId", "D-0042");
        diagnostics.put("recentErrors", List.of("E-401: license check failed", "E-402: license server unreachable"));
        diagnostics.put("logExcerpt", "2026-11-28 08:00:01 ERROR license check failed\n".repeat(20));
        Map<String, Object> body = new HashMap<>();
        body.put("severity", severity);
        body.put("subject", "Agents cannot log in");
        body.put("description", "Since this morning every login fails.");
        body.put("diagnostics", diagnostics);
        return body;
    }

    @Test
    void theRequestSupportButtonFilesAFullTicketFromTheProductsDiagnostics() {
        Map<String, Object> body = inProduct(2);
        body.put("suggestedArticleIds", List.of("kb-login-e401"));

        String location = fileInProduct(ANNA, body).statusCode(201)
                .header("Location", containsString("/api/tickets/"))
                .body("channel", equalTo("IN_PRODUCT"))
                .extract().header("Location");

        given().auth().oauth2(ANNA).get(location).then().statusCode(200)
                .body("systemId", equalTo("100001"))
                .body("severity", equalTo(2))
                .body("createdBy", equalTo("anna"))
                .body("licenseCode", equalTo("100001-AB12-CD34"))
                .body("products[0].name", equalTo("Support Server"))
                .body("products[0].version", equalTo("7.2"))
                .body("products[0].patches", equalTo(List.of("7.2.1")))
                .body("platforms[0].name", equalTo("SUSE Linux Enterprise Server"))
                .body("platforms[0].version", equalTo("15 SP6"))
                .body("affectedDevices[0].groupId", equalTo("G-17"))
                .body("affectedDevices[0].deviceId", equalTo("D-0042"))
                .body("errorMessages", hasSize(2))
                .body("environment", containsString("Support Server 7.2 at patch level 7.2.1 on SUSE Linux"))
                .body("logExcerpt", endsWith("ERROR license check failed\n"))
                .body("suggestedArticleIds", equalTo(List.of("kb-login-e401")))
                .body("eligibilityFlags", empty());
        JsonObject data = ticketCreated(location.substring(location.lastIndexOf('/') + 1));
        assertEquals("IN_PRODUCT", data.getString("channel"));
    }

    @Test
    void inProductFilingsFollowTheSameValidationRules() {
        Map<String, Object> body = inProduct(3);
        @SuppressWarnings("unchecked")
        Map<String, Object> diagnostics = (Map<String, Object>) body.get("diagnostics");
        diagnostics.remove("deviceId");
        diagnostics.put("logExcerpt", "x".repeat(InProductFilingRequest.LOG_EXCERPT_MAX + 1));
        fileInProduct(ANNA, body).statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("diagnostics.deviceId", "diagnostics.logExcerpt"));

        // severity 3 demands a test case and the desired result (ticket.filing.required.3): the customer types them
        fileInProduct(ANNA, inProduct(3)).statusCode(400)
                .body("violations.field", containsInAnyOrder("reproductionSteps", "desiredResult"))
                .body("violations.rule", hasItem("RequiredAtSeverity"));
        Map<String, Object> complete = inProduct(3);
        complete.put("reproductionSteps", "Log in as any agent.");
        complete.put("desiredResult", "Agents can log in.");
        fileInProduct(ANNA, complete).statusCode(201).body("reproductionSteps", equalTo("Log in as any agent."));

        Map<String, Object> wrongLicense = inProduct(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> wrong = (Map<String, Object>) wrongLicense.get("diagnostics");
        wrong.put("licenseCode", "200002-AB12");
        fileInProduct(ANNA, wrongLicense).statusCode(400)
                .body("violations.field", equalTo(List.of("diagnostics.licenseCode")));
    }

    @Test
    void inProductFilingsFollowTheSameAuthorizationRules() {
        // dieter's token names 100001, but he is no authorized contact of it (P12.1)
        fileInProduct(TestTokens.customer("dieter", "100001"), inProduct(1)).statusCode(403)
                .body("title", equalTo("Not an authorized contact"));
        Map<String, Object> otherAccount = inProduct(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> diagnostics = (Map<String, Object>) otherAccount.get("diagnostics");
        diagnostics.put("systemId", "200002");
        diagnostics.remove("licenseCode");
        fileInProduct(ANNA, otherAccount).statusCode(403).body("detail", containsString("200002"));
        fileInProduct(TestTokens.user("olga", "ops"), inProduct(1)).statusCode(403);
        // an uncertified platform is flagged here too
        Map<String, Object> oldPlatform = inProduct(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> old = (Map<String, Object>) oldPlatform.get("diagnostics");
        old.put("platform", Map.of("name", "Windows Server", "version", "2012 R2"));
        fileInProduct(AGENT, oldPlatform).statusCode(201)
                .body("eligibilityFlags.code", equalTo(List.of("UNCERTIFIED_PLATFORM")))
                .body("logExcerpt", containsString("license check failed"))
                .body("specialCircumstances", nullValue());
    }
}
