package io.supportplatform.ticket.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.supportplatform.ticket.ContactEvents;
import io.supportplatform.ticket.Filings;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.OutboxRows;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.ticket.domain.TicketNumber;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class TicketResourceTest {

    static final String ANNA = TestTokens.customer("anna", "100001");
    static final String BOB_OF_ANOTHER_ACCOUNT = TestTokens.customer("bob", "200002");
    static final String AGENT = TestTokens.agent("alex");

    /** P12.1: anna files and replies as an authorized contact of account 100001 (published as contact-service does). */
    @BeforeEach
    void annaIsAnAuthorizedContact() {
        ContactEvents.authorize("anna", "100001");
    }

    static Map<String, Object> ticket(String systemId) {
        return Filings.complete(systemId, 2, "Agents cannot log in",
                "Since this morning every agent login fails with error E-401.");
    }

    static ExtractableResponse<Response> file(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/tickets")
                .then().extract();
    }

    /**
     * Filing inserts the ticket with plain SQL (TicketRepository.insertFiled), not through the entity: a column added
     * to the table later must be written there too, or be listed here as one a new ticket leaves empty.
     */
    @Test
    void filingWritesEveryColumnOfTheTicketTable() throws SQLException {
        Set<String> writtenByFiling = Set.of("id", "ticket_number", "system_id", "severity", "subject", "description",
                "status", "channel", "region", "license_code", "item_lists", "environment", "reproduction_steps",
                "desired_result", "special_circumstances", "intake", "log_excerpt", "created_by", "created_at",
                "updated_at", "last_event_sequence", "queue", "development_rounds", "version");
        Set<String> emptyOrDerivedAtFiling = Set.of("assignee", "estimated_fix_date", "hotfix_status", "hotfix_version",
                "hotfix_released_at", "hotfix_verified_at", "flagged");
        Set<String> columns = new HashSet<>();
        try (Connection connection = OutboxRows.connect();
                Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("select column_name from information_schema.columns"
                        + " where table_schema = current_schema() and table_name = 'ticket'")) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        assertEquals(Stream.concat(writtenByFiling.stream(), emptyOrDerivedAtFiling.stream())
                .collect(Collectors.toSet()), columns);
    }

    @Test
    void customerFilesATicketForTheirAccountAndReadsItBack() {
        ExtractableResponse<Response> filed = file(ANNA, ticket("100001"));

        // P2.2 / P6.1: a ticket with its official ticket number
        String year = String.valueOf(Year.now(ZoneOffset.UTC).getValue());
        assertThat(filed.statusCode(), equalTo(201));
        String id = filed.path("id");
        assertThat(filed.header("Location"), endsWith("/api/tickets/" + id));
        assertThat(filed.<String> path("ticketNumber"),
                matchesPattern("TCK-" + year + "-\\d{6}"));
        assertThat(filed.<String> path("status"), equalTo("NEW"));
        assertThat(filed.<String> path("createdBy"), equalTo("anna"));
        assertThat(filed.<Integer> path("severity"), equalTo(2));

        given().auth().oauth2(ANNA)
                .when().get(filed.header("Location"))
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("ticketNumber", equalTo(filed.path("ticketNumber")))
                .body("systemId", equalTo("100001"))
                .body("subject", equalTo("Agents cannot log in"))
                .body("description", startsWith("Since this morning"))
                .body("createdAt", equalTo(filed.path("createdAt")));
    }

    @Test
    void everyTicketGetsItsOwnNumber() {
        String first = file(ANNA, ticket("100001")).path("ticketNumber");
        String second = file(ANNA, ticket("100001")).path("ticketNumber");

        assertThat(second, not(equalTo(first)));
    }

    @Test
    void concurrentFilingsAcrossSeveralNumberBlocksGetDistinctNumbers() throws Exception {
        // more filings than two blocks of reserved numbers (TicketRepository.NUMBER_BLOCK = 20), several at once,
        // so blocks are drawn while others are being handed out
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> filed = new ArrayList<>();
            for (int i = 0; i < 45; i++) {
                filed.add(clients.submit(() -> file(AGENT, ticket("100001")).<String> path("ticketNumber")));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> number : filed) {
                numbers.add(number.get(120, TimeUnit.SECONDS));
            }
            assertThat(numbers, hasSize(45));
            assertThat(numbers, everyItem(matchesPattern(TicketNumber.PATTERN)));
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void agentFilesForAnyAccountAndSeesEveryTicket() {
        String annasTicket = file(ANNA, ticket("100001")).path("id");
        ExtractableResponse<Response> filedByAgent = file(AGENT, ticket("300003"));

        assertThat(filedByAgent.statusCode(), equalTo(201));
        assertThat(filedByAgent.<String> path("createdBy"), equalTo("alex"));
        given().auth().oauth2(AGENT).when().get("/api/tickets/" + annasTicket)
                .then().statusCode(200).body("systemId", equalTo("100001"));
    }

    @Test
    void invalidTicketIsRejectedNamingEveryBadField() {
        given().auth().oauth2(AGENT).contentType(ContentType.JSON)
                .body(Map.of("systemId", "12ab", "severity", 0, "description", "Something is wrong."))
                .when().post("/api/tickets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations", hasSize(3))
                .body("violations.field", containsInAnyOrder("systemId", "severity", "subject"))
                .body("violations.find { it.field == 'severity' }.rule", equalTo("Min"))
                .body("violations.find { it.field == 'subject' }.rule", equalTo("NotBlank"));
    }

    @Test
    void tooLongSubjectAndSeverityAboveFourAreRejected() {
        given().auth().oauth2(AGENT).contentType(ContentType.JSON)
                .body(Map.of("systemId", "100001", "severity", 5, "subject", "x".repeat(201),
                        "description", "d"))
                .when().post("/api/tickets")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("severity", "subject"));
    }

    @Test
    void withoutTokenTheAnswerIs401() {
        given().contentType(ContentType.JSON).body(ticket("100001"))
                .when().post("/api/tickets")
                .then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/tickets/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void customerCannotFileForAnotherAccount() {
        given().auth().oauth2(ANNA).contentType(ContentType.JSON).body(ticket("200002"))
                .when().post("/api/tickets")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("own customer account (system ID 100001)"))
                .body("detail", containsString("200002"));
    }

    @Test
    void roleWithoutTicketRightsIsForbidden() {
        String ops = TestTokens.user("olga", "ops");
        given().auth().oauth2(ops).contentType(ContentType.JSON).body(ticket("100001"))
                .when().post("/api/tickets")
                .then().statusCode(403).contentType("application/problem+json");
        String id = file(ANNA, ticket("100001")).path("id");
        given().auth().oauth2(ops).when().get("/api/tickets/" + id)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anotherAccountsTicketIsNotFound() {
        String annasTicket = file(ANNA, ticket("100001")).path("id");

        given().auth().oauth2(BOB_OF_ANOTHER_ACCOUNT).when().get("/api/tickets/" + annasTicket)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        given().auth().oauth2(AGENT).when().get("/api/tickets/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(AGENT).when().get("/api/tickets/not-a-ticket-id")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
