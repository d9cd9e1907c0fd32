package io.supportplatform.sla;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The compliance report over clocks from real events: met and breached per severity and account. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class ComplianceReportTest {

    private static final String ACCOUNT = "100555";
    /** Monday 3 March 2025, a period no other test files tickets in. */
    private static final Instant MONDAY = Instant.parse("2025-03-03T09:00:00Z");
    private static final String PERIOD = "?from=2025-03-03&to=2025-03-04T00:00:00Z";

    @Test
    void metAndBreachedPromisesPerSeverityAndAccount() throws Exception {
        TicketEventMessages inTime = new TicketEventMessages(ACCOUNT);
        TicketEventMessages late = new TicketEventMessages(ACCOUNT);
        TicketEventMessages high = new TicketEventMessages(ACCOUNT);
        TicketEventMessages resolved = new TicketEventMessages("100556");
        TicketEventMessages.send(
                inTime.created(MONDAY, 1, "EU-DE"),
                inTime.phoneContactLogged(MONDAY.plusSeconds(1200), "TIER2", "OUTBOUND"),
                inTime.agentReplied(MONDAY.plusSeconds(1800), "PUBLIC"), // P8.1 met after 30 min
                late.created(MONDAY, 1, "EU-DE"),
                late.agentReplied(MONDAY.plus(Duration.ofHours(3)), "PUBLIC"), // 1 h late; no callback at all
                high.created(MONDAY, 2, null),
                high.agentReplied(MONDAY.plus(Duration.ofHours(1)), "PUBLIC"), // P8.2 met after 1 h
                resolved.created(MONDAY, 2, null),
                resolved.statusChanged(MONDAY.plusSeconds(600), "NEW", "RESOLVED"));

        String staff = TestTokens.user("sam", "supervisor");
        // The topics are consumed independently: wait until every clock is decided (3 met, 2 breached, 1 stopped).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            var report = given().auth().oauth2(staff)
                    .get("/api/sla/reports/compliance" + PERIOD + "&groupBy=severity").jsonPath();
            return report.getInt("groups.met.sum()") == 3 && report.getInt("groups.breached.sum()") == 2
                    && report.getInt("groups.stopped.sum()") == 1 && report.getInt("groups.open.sum()") == 0;
        });

        given().auth().oauth2(staff).get("/api/sla/reports/compliance" + PERIOD + "&groupBy=severity")
                .then().statusCode(200)
                .body("groupBy", equalTo("severity"))
                .body("from", equalTo("2025-03-03T00:00:00Z"))
                .body("groups", hasSize(3))
                .body("groups.find { it.group == '1' && it.clockType == 'FIRST_RESPONSE' }.met", equalTo(1))
                .body("groups.find { it.group == '1' && it.clockType == 'FIRST_RESPONSE' }.breached", equalTo(1))
                .body("groups.find { it.group == '1' && it.clockType == 'FIRST_RESPONSE' }.metShare", equalTo(0.5f))
                .body("groups.find { it.group == '1' && it.clockType == 'FIRST_RESPONSE' }.breachedShare", equalTo(0.5f))
                // median of 30 min and 3 h
                .body("groups.find { it.group == '1' && it.clockType == 'FIRST_RESPONSE' }.medianResponseSeconds",
                        equalTo(6300))
                .body("groups.find { it.group == '1' && it.clockType == 'TIER2_CALLBACK' }.met", equalTo(1))
                .body("groups.find { it.group == '1' && it.clockType == 'TIER2_CALLBACK' }.breached", equalTo(1))
                .body("groups.find { it.group == '2' }.met", equalTo(1))
                .body("groups.find { it.group == '2' }.stopped", equalTo(1))
                .body("groups.find { it.group == '2' }.breached", equalTo(0))
                .body("groups.find { it.group == '2' }.metShare", equalTo(1.0f))
                .body("groups.find { it.group == '2' }.medianResponseSeconds", equalTo(3600));

        given().auth().oauth2(staff).get("/api/sla/reports/compliance" + PERIOD + "&groupBy=account")
                .then().statusCode(200)
                .body("groups.group", hasItems(ACCOUNT, "100556"))
                .body("groups.find { it.group == '100555' && it.clockType == 'FIRST_RESPONSE' }.met", equalTo(2));

        // A customer sees their own account only, whatever they group by.
        given().auth().oauth2(TestTokens.customer("anna", ACCOUNT))
                .get("/api/sla/reports/compliance" + PERIOD + "&groupBy=account")
                .then().statusCode(200)
                .body("groups.group.unique()", equalTo(java.util.List.of(ACCOUNT)));
        given().auth().oauth2(TestTokens.customer("bert", "100557"))
                .get("/api/sla/reports/compliance" + PERIOD)
                .then().statusCode(200).body("groups", hasSize(0));
    }

    @Test
    void anInvalidPeriodOrGroupingIsABadRequestNamingEachField() {
        given().auth().oauth2(TestTokens.agent("alex")).get("/api/sla/reports/compliance?to=yesterday&groupBy=colour")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItems("from", "to", "groupBy"));
        given().auth().oauth2(TestTokens.agent("alex")).get("/api/sla/reports/compliance?from=2025-03-04&to=2025-03-03")
                .then().statusCode(400).body("violations.field", hasItems("to"));
        given().get("/api/sla/reports/compliance" + PERIOD).then().statusCode(401);
    }
}
