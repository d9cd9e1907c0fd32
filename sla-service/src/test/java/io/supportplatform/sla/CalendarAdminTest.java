package io.supportplatform.sla;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
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
import org.junit.jupiter.api.Test;

/** The business calendar admin API and its use in the Tier-2 callback deadline (P8.1). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class CalendarAdminTest {

    private static final String ADMIN = TestTokens.user("ada", "admin");
    private static final String TOKYO = """
            {"zone":"Asia/Tokyo","description":"Japan, Tier-2 office hours",
             "weeklyHours":{"MONDAY":[{"opens":"09:00","closes":"12:00"},{"opens":"13:00","closes":"18:00"}],
                            "TUESDAY":[{"opens":"09:00","closes":"18:00"}],"WEDNESDAY":[{"opens":"09:00","closes":"18:00"}],
                            "THURSDAY":[{"opens":"09:00","closes":"18:00"}],"FRIDAY":[{"opens":"09:00","closes":"18:00"}]},
             "holidays":["2026-12-31"],
             "yearlyHolidays":[{"name":"New Year","on":"01-01"},
                               {"name":"Coming of Age Day","month":"JANUARY","weekday":"MONDAY","ordinal":2}]}
            """;

    @Test
    void theSeededRegionsAreReadableBySupport() {
        given().auth().oauth2(TestTokens.agent("alex")).get("/api/sla/calendars/EU-DE")
                .then().statusCode(200)
                .body("zone", equalTo("Europe/Berlin"))
                .body("weeklyHours.MONDAY[0].opens", equalTo("08:00"))
                .body("weeklyHours.MONDAY[0].closes", equalTo("18:00"))
                .body("yearlyHolidays.find { it.name == 'Good Friday' }.fromEaster", equalTo(-2))
                .body("yearlyHolidays.find { it.name == 'Whit Monday' }.fromEaster", equalTo(50));
        given().auth().oauth2(TestTokens.agent("alex")).get("/api/sla/calendars")
                .then().statusCode(200).body("region", hasItems("EU-DE", "US-EAST"));
        given().auth().oauth2(TestTokens.agent("alex")).get("/api/sla/calendars/NOWHERE").then().statusCode(404);
        given().auth().oauth2(TestTokens.customer("anna", "100001")).get("/api/sla/calendars").then().statusCode(403);
    }

    @Test
    void anInvalidCalendarIsRejectedNamingEveryBadFieldAndNothingIsSaved() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"zone":"Mars/Olympus_Mons","description":"broken",
                 "weeklyHours":{"MONDAY":[{"opens":"08:00","closes":"12:00"},{"opens":"11:00","closes":"13:00"}],
                                "TUESDAY":[{"opens":"18:00","closes":"08:00"}],
                                "FUNDAY":[{"opens":"08:00","closes":"09:00"}],
                                "WEDNESDAY":[{"opens":"8 am","closes":"25:00"}]},
                 "holidays":["2026-02-30","2026-12-24"],
                 "yearlyHolidays":[{"name":"x","on":"13-01"},{"name":"y","fromEaster":400},
                                   {"name":"z","month":"NOVEMBER","weekday":"THURSDAY","ordinal":7},
                                   {"name":"both","on":"12-24","fromEaster":1}]}
                """)
                .put("/api/sla/calendars/APAC-X")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItems("zone", "weeklyHours.MONDAY", "weeklyHours.TUESDAY[0]",
                        "weeklyHours.FUNDAY", "weeklyHours.WEDNESDAY[0].opens", "weeklyHours.WEDNESDAY[0].closes",
                        "holidays[0]", "yearlyHolidays[0].on", "yearlyHolidays[1].fromEaster",
                        "yearlyHolidays[2].ordinal", "yearlyHolidays[3]"));
        given().auth().oauth2(ADMIN).get("/api/sla/calendars/APAC-X").then().statusCode(404);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(TOKYO)
                .put("/api/sla/calendars/{r}", "eu de").then().statusCode(400).body("violations.field", hasItem("region"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(TOKYO.replace("Asia/Tokyo", "+09:00"))
                .put("/api/sla/calendars/APAC-X").then().statusCode(400).body("violations.field", hasItem("zone"));
    }

    @Test
    void aNewRegionsCalendarCountsItsTicketsCallback() throws Exception {
        given().auth().oauth2(TestTokens.agent("alex")).contentType(ContentType.JSON).body(TOKYO)
                .put("/api/sla/calendars/APAC-JP").then().statusCode(403);
        int created = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(TOKYO)
                .put("/api/sla/calendars/APAC-JP").then().extract().statusCode();
        given().auth().oauth2(TestTokens.user("sam", "supervisor")).contentType(ContentType.JSON).body(TOKYO)
                .put("/api/sla/calendars/APAC-JP")
                .then().statusCode(200)
                .body("zone", equalTo("Asia/Tokyo"))
                .body("yearlyHolidays[1].ordinal", equalTo(2));
        org.junit.jupiter.api.Assertions.assertEquals(201, created);

        // Filed on Saturday 21 November 2026, 10:00 in Tokyo: the callback is due Monday 10:00 Tokyo time.
        Instant saturday = Instant.parse("2026-11-21T01:00:00Z");
        TicketEventMessages ticket = new TicketEventMessages("100001");
        TicketEventMessages.send(ticket.created(saturday, 1, "apac-jp"));
        Response clocks = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(TestTokens.agent("alex"))
                                .get("/api/sla/tickets/{id}/clocks", ticket.ticketId),
                        response -> response.statusCode() == 200);
        clocks.then()
                .body("find { it.type == 'TIER2_CALLBACK' }.calendarRegion", equalTo("APAC-JP"))
                .body("find { it.type == 'TIER2_CALLBACK' }.startedAt", equalTo(saturday.truncatedTo(ChronoUnit.SECONDS).toString()));
        // Running past its deadline by now: shown breached, with the deadline of Monday 10:00 in Tokyo.
        clocks.then().body("find { it.type == 'TIER2_CALLBACK' }.breachedAt", equalTo("2026-11-23T01:00:00Z"));
    }
}
