package io.supportplatform.ticket.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.ticket.ContactEvents;
import io.supportplatform.ticket.Filings;

/** Lookup by number, filtered and sorted lists with keyset pages, tenant isolation (issue 3, item 9). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class TicketReadingTest {

    static final String AGENT = TestTokens.agent("alex");

    /** A fresh account per test, so tickets other tests filed in the same database do not interfere. */
    static String newAccount() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(300000, 999999));
    }

    static JsonPath file(String token, String systemId, int severity, String subject) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Filings.complete(systemId, severity, subject, "Details of " + subject))
                .when().post("/api/tickets")
                .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath list(String token, Map<String, ?> params) {
        return given().auth().oauth2(token).queryParams(params)
                .when().get("/api/tickets")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void lookupByTicketNumberIsScopedToTheCustomersAccount() {
        String account = newAccount();
        ContactEvents.authorize("anna", account); // only authorized contacts file (P12.1)
        JsonPath filed = file(TestTokens.customer("anna", account), account, 2, "Login fails");
        String number = filed.getString("ticketNumber");

        given().auth().oauth2(TestTokens.customer("anna", account)).when().get("/api/tickets/by-number/" + number)
                .then().statusCode(200).body("id", equalTo(filed.getString("id")));
        given().auth().oauth2(AGENT).when().get("/api/tickets/by-number/" + number)
                .then().statusCode(200).body("ticketNumber", equalTo(number));
        // another account's ticket does not exist for this customer
        given().auth().oauth2(TestTokens.customer("bob", newAccount())).when().get("/api/tickets/by-number/" + number)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(AGENT).when().get("/api/tickets/by-number/TCK-1999-999999")
                .then().statusCode(404);
        given().when().get("/api/tickets/by-number/" + number).then().statusCode(401);
    }

    @Test
    void pagesThroughEveryTicketOnceInEachOrder() {
        String account = newAccount();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(file(AGENT, account, 1 + i % 4, "Ticket " + i).getString("id"));
        }
        for (String sort : List.of("createdAt", "updatedAt", "severity")) {
            for (String order : List.of("asc", "desc")) {
                List<Map<String, Object>> seen = new ArrayList<>();
                String cursor = null;
                int pages = 0;
                do {
                    Map<String, Object> params = new java.util.HashMap<>(
                            Map.of("systemId", account, "sort", sort, "order", order, "limit", 3));
                    if (cursor != null) {
                        params.put("cursor", cursor);
                    }
                    JsonPath page = list(AGENT, params);
                    seen.addAll(page.getList("items"));
                    cursor = page.getString("nextCursor");
                    pages++;
                } while (cursor != null && pages < 10);
                assertEquals(3, pages, sort + " " + order + ": 7 tickets in pages of 3");
                assertEquals(7, seen.stream().map(t -> t.get("id")).distinct().count(), "each ticket exactly once");
                Comparator<Map<String, Object>> bySortValue = switch (sort) {
                    case "severity" -> Comparator.comparingInt(t -> (Integer) t.get("severity"));
                    default -> Comparator.comparing(t -> Instant.parse((String) t.get(sort)));
                };
                if (order.equals("desc")) {
                    bySortValue = bySortValue.reversed();
                }
                List<Map<String, Object>> sorted = new ArrayList<>(seen);
                sorted.sort(bySortValue);
                assertEquals(sorted.stream().map(t -> t.get(sort)).toList(), seen.stream().map(t -> t.get(sort)).toList(),
                        sort + " " + order);
            }
        }
        // default: newest first
        JsonPath newest = list(AGENT, Map.of("systemId", account, "limit", 1));
        assertEquals(ids.get(6), newest.getString("items[0].id"));
        assertNotNull(newest.getString("nextCursor"));
    }

    @Test
    void filtersByStatusSeverityAndCreatedRange() {
        String account = newAccount();
        String critical = file(AGENT, account, 1, "Down").getString("id");
        String low = file(AGENT, account, 4, "How do I").getString("id");
        Instant between = Instant.now();
        String normal = file(AGENT, account, 3, "Slow").getString("id");
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(Map.of("status", "OPEN"))
                .when().post("/api/tickets/" + critical + "/status").then().statusCode(200);

        assertEquals(List.of(critical), list(AGENT, Map.of("systemId", account, "status", "OPEN")).getList("items.id"));
        assertEquals(List.of(normal, low), list(AGENT, Map.of("systemId", account, "status", "NEW")).getList("items.id"));
        assertEquals(List.of(low, critical),
                list(AGENT, Map.of("systemId", account, "severity", "1,4")).getList("items.id"));
        assertEquals(List.of(normal),
                list(AGENT, Map.of("systemId", account, "createdFrom", between.toString())).getList("items.id"));
        assertEquals(List.of(low, critical),
                list(AGENT, Map.of("systemId", account, "createdTo", between.toString())).getList("items.id"));
        assertNull(list(AGENT, Map.of("systemId", account)).getString("nextCursor"));
    }

    @Test
    void customersSeeOnlyTheirAccountWhateverTheyAskFor() {
        String own = newAccount();
        String other = newAccount();
        String token = TestTokens.customer("anna", own);
        ContactEvents.authorize("anna", own); // only authorized contacts file (P12.1)
        String mine = file(token, own, 2, "Mine").getString("id");
        file(AGENT, other, 2, "Not mine");

        assertEquals(List.of(mine), list(token, Map.of()).getList("items.id"));
        // the systemId parameter never widens a customer's view
        given().auth().oauth2(token).queryParam("systemId", other).when().get("/api/tickets")
                .then().statusCode(200).body("items", hasSize(0)).body("nextCursor", nullValue());
    }

    @Test
    void filtersByAssigneeAndByEligibilityFlags() {
        String account = newAccount();
        String plain = file(AGENT, account, 3, "Plain").getString("id");
        Map<String, Object> onOldPlatform = Filings.complete(account, 3, "Old platform", "Details");
        onOldPlatform.put("platforms", List.of(Map.of("name", "Windows Server", "version", "2012 R2")));
        String flagged = given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(onOldPlatform)
                .when().post("/api/tickets")
                .then().statusCode(201).body("eligibilityFlags", hasSize(1)).extract().path("id");
        given().auth().oauth2(AGENT).contentType(ContentType.JSON)
                .body(Map.of("queue", "FIRST_LEVEL", "assignee", "alex"))
                .when().put("/api/tickets/" + plain + "/assignment")
                .then().statusCode(200);

        assertEquals(List.of(flagged), list(AGENT, Map.of("systemId", account, "flagged", true)).getList("items.id"));
        assertEquals(List.of(plain), list(AGENT, Map.of("systemId", account, "flagged", false)).getList("items.id"));
        assertEquals(List.of(plain), list(AGENT, Map.of("systemId", account, "assignee", "alex")).getList("items.id"));
        assertEquals(List.of(), list(AGENT, Map.of("systemId", account, "assignee", "tom")).getList("items.id"));
    }

    @Test
    void malformedFiltersAndCursorsAre400NamingTheField() {
        for (Map.Entry<String, String> bad : Map.of("status", "DONE", "severity", "5", "createdFrom", "yesterday",
                "sort", "subject", "order", "up", "cursor", "not-a-cursor", "limit", "1000", "systemId", "12",
                "assignee", "Not A User", "flagged", "maybe")
                .entrySet()) {
            given().auth().oauth2(AGENT).queryParam(bad.getKey(), bad.getValue()).when().get("/api/tickets")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo(bad.getKey()));
        }
        // a cursor of another order is refused too, rather than silently skipping tickets
        String account = newAccount();
        file(AGENT, account, 2, "A");
        file(AGENT, account, 2, "B");
        String cursor = list(AGENT, Map.of("systemId", account, "limit", 1)).getString("nextCursor");
        given().auth().oauth2(AGENT).queryParams(Map.of("cursor", cursor, "sort", "severity"))
                .when().get("/api/tickets")
                .then().statusCode(400).body("violations[0].field", equalTo("cursor"));
    }
}
