package io.supportplatform.sla;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The policy admin API (P8, P13, P16.1): read by support, created and activated by admins and supervisors. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class PolicyAdminTest {

    private static final String ADMIN = TestTokens.user("ada", "admin");

    private static String policy(String version, String systemId, int s3Minutes) {
        return """
                {"version":"%s","description":"Test policy","systemId":%s,"warningShare":0.8,
                 "targets":[
                   {"clockType":"FIRST_RESPONSE","severity":1,"minutes":60},
                   {"clockType":"FIRST_RESPONSE","severity":2,"minutes":120},
                   {"clockType":"FIRST_RESPONSE","severity":3,"minutes":%d},
                   {"clockType":"FIRST_RESPONSE","severity":4,"minutes":480},
                   {"clockType":"TIER2_CALLBACK","severity":1,"minutes":30,"counting":"BUSINESS_HOURS"}],
                 "escalationLevels":[{"level":1,"afterBreachMinutes":0,"audience":"TEAM_LEAD"},
                                     {"level":2,"afterBreachMinutes":30,"audience":"SUPPORT_MANAGEMENT"}]}
                """.formatted(version, systemId == null ? "null" : "\"" + systemId + "\"", s3Minutes);
    }

    @Test
    void supportReadsTheSeededPolicyAndCustomersMayNot() {
        given().auth().oauth2(TestTokens.agent("alex")).get("/api/sla/policies/2010-02-01")
                .then().statusCode(200)
                .body("status", equalTo("IN_FORCE"))
                .body("warningShare", equalTo(0.75f))
                .body("targets.findAll { it.clockType == 'FIRST_RESPONSE' }.minutes", containsInAnyOrder(120, 240, 480, 720))
                .body("targets.find { it.clockType == 'TIER2_CALLBACK' }.counting", equalTo("BUSINESS_HOURS")) // P8.1
                .body("targets.find { it.clockType == 'TIER2_CALLBACK' }.minutes", equalTo(60))
                .body("escalationLevels.audience", containsInAnyOrder("TEAM_LEAD", "SUPPORT_MANAGEMENT", "TIER2_ON_CALL"));
        given().auth().oauth2(TestTokens.agent("alex")).get("/api/sla/policies")
                .then().statusCode(200).body("version", hasItem("2010-02-01"));
        given().auth().oauth2(TestTokens.customer("anna", "100001")).get("/api/sla/policies").then().statusCode(403);
        given().get("/api/sla/policies").then().statusCode(401);
        given().auth().oauth2(TestTokens.agent("alex")).get("/api/sla/policies/no-such-version")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void anInvalidVersionIsRejectedNamingEveryBadFieldAndNothingIsSaved() {
        String version = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"version":"%s","description":"","systemId":"12","warningShare":1.5,
                 "targets":[
                   {"clockType":"FIRST_RESPONSE","severity":1,"minutes":-60},
                   {"clockType":"FIRST_RESPONSE","severity":2,"minutes":120},
                   {"clockType":"FIRST_RESPONSE","severity":2,"minutes":130},
                   {"clockType":"FIRST_RESPONSE","severity":7,"minutes":480},
                   {"clockType":"LUNCH_BREAK","severity":4,"minutes":480},
                   {"clockType":"TIER2_CALLBACK","severity":3,"minutes":60,"counting":"SOMETIMES"}],
                 "escalationLevels":[{"level":0,"afterBreachMinutes":-5,"audience":"CEO"}]}
                """.formatted(version))
                .post("/api/sla/policies")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItems("description", "systemId", "warningShare", "targets[0].minutes",
                        "targets[2]", "targets[3].severity", "targets[4].clockType", "targets[5].severity",
                        "targets[5].counting", "targets", "escalationLevels[0].level",
                        "escalationLevels[0].afterBreachMinutes", "escalationLevels[0].audience"));
        given().auth().oauth2(ADMIN).get("/api/sla/policies/{v}", version).then().statusCode(404);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{not json")
                .post("/api/sla/policies").then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aDraftIsActivatedOnceFromNowOnAndClashesAreConflicts() {
        String version = "t-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.agent("alex")).contentType(ContentType.JSON).body(policy(version, null, 240))
                .post("/api/sla/policies").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(policy(version, null, 240))
                .post("/api/sla/policies")
                .then().statusCode(201)
                .header("Location", endsWith("/api/sla/policies/" + version))
                .body("status", equalTo("DRAFT"))
                .body("warningShare", equalTo(0.8f))
                .body("targets", hasSize(5));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(policy(version, null, 240))
                .post("/api/sla/policies").then().statusCode(409);

        String path = "/api/sla/policies/{v}/activation";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"effectiveFrom\":\"tomorrow\"}")
                .post(path, version).then().statusCode(400).body("violations.field", hasItem("effectiveFrom"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"effectiveFrom\":\"2020-01-01T00:00:00Z\"}")
                .post(path, version).then().statusCode(409); // retroactive: tickets keep their version (P16.1)
        // Far in the future so that no other test's ticket falls under it.
        String instant = "2090-01-0" + (1 + Math.floorMod(version.hashCode(), 9)) + "T00:00:00Z";
        given().auth().oauth2(TestTokens.user("sam", "supervisor")).contentType(ContentType.JSON)
                .body("{\"effectiveFrom\":\"" + instant + "\"}")
                .post(path, version).then().statusCode(200)
                .body("status", equalTo("SCHEDULED")).body("effectiveFrom", equalTo(instant));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"effectiveFrom\":\"" + instant + "\"}")
                .post(path, version).then().statusCode(409);

        String rival = "r-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(policy(rival, null, 240))
                .post("/api/sla/policies").then().statusCode(201);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"effectiveFrom\":\"" + instant + "\"}")
                .post(path, rival).then().statusCode(409).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"effectiveFrom\":\"" + instant + "\"}")
                .post(path, "no-such-version").then().statusCode(404);
    }

    @Test
    void anAccountsOwnVersionTimesItsNewTicketsAndOthersKeepTheGeneralOne() throws Exception {
        String version = "premium-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(policy(version, "100888", 30))
                .post("/api/sla/policies").then().statusCode(201);
        Instant effectiveFrom = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"effectiveFrom\":\"" + effectiveFrom + "\"}")
                .post("/api/sla/policies/{v}/activation", version).then().statusCode(200);
        await().until(() -> Instant.now().isAfter(effectiveFrom));

        TicketEventMessages premium = new TicketEventMessages("100888");
        TicketEventMessages other = new TicketEventMessages("100889");
        Instant filed = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TicketEventMessages.send(premium.created(filed, 3, null), other.created(filed, 3, null));

        awaitClocks(premium.ticketId).then()
                .body("[0].policyVersion", equalTo(version))
                .body("[0].targetMinutes", equalTo(30))
                .body("[0].warningAt", equalTo(filed.plus(Duration.ofMinutes(24)).toString())); // 80 % of 30 min
        awaitClocks(other.ticketId).then()
                .body("[0].policyVersion", equalTo("2010-02-01"))
                .body("[0].targetMinutes", equalTo(480));
        given().auth().oauth2(TestTokens.agent("alex")).get("/api/sla/policies/{v}", version)
                .then().body("status", equalTo("IN_FORCE")).body("systemId", equalTo("100888"));
    }

    private static Response awaitClocks(UUID ticketId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(TestTokens.agent("alex")).get("/api/sla/tickets/{id}/clocks", ticketId),
                        response -> response.statusCode() == 200);
    }
}
