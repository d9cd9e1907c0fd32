package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.WorkRequests.AGENT;
import static io.supportplatform.ticket.WorkRequests.ANNA;
import static io.supportplatform.ticket.WorkRequests.BOB_OF_ANOTHER_ACCOUNT;
import static io.supportplatform.ticket.WorkRequests.TIER2_AGENT;
import static io.supportplatform.ticket.WorkRequests.changeStatus;
import static io.supportplatform.ticket.WorkRequests.fileTicket;
import static io.supportplatform.ticket.WorkRequests.get;
import static io.supportplatform.ticket.WorkRequests.post;
import static io.supportplatform.ticket.WorkRequests.put;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;

/** Escalation to development in rounds (P10.1) and hotfix tracking shown to the customer (P11.1, P11.2). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class DevelopmentAndHotfixTest {

    static final LocalDate IN_TWO_WEEKS = LocalDate.now(ZoneOffset.UTC).plusDays(14);

    static void escalate(String id, String reference) {
        post(TIER2_AGENT, "/api/tickets/" + id + "/development-escalations",
                Map.of("reason", "Needs a code fix", "developmentReference", reference)).statusCode(201);
    }

    @Test
    void severalRoundsAreRecordedAndOnlySupportReadsThem() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/development-escalations";
        post(TIER2_AGENT, path, Map.of("reason", "License check fails in HF-03", "developmentReference", "DEV-4711"))
                .statusCode(201)
                .body("round", equalTo(1)).body("ticketId", equalTo(id)).body("escalatedBy", equalTo("tom"));
        post(AGENT, path, Map.of("reason", "Fix did not cover SLES", "developmentReference", "DEV-4733"))
                .statusCode(201).body("round", equalTo(2));

        get(AGENT, path).statusCode(200)
                .body("round", equalTo(List.of(1, 2)))
                .body("developmentReference", equalTo(List.of("DEV-4711", "DEV-4733")));
        get(ANNA, path).statusCode(403).contentType("application/problem+json");
        get(ANNA, "/api/tickets/" + id).statusCode(200)
                .body("development.escalated", equalTo(true))
                .body("development.rounds", equalTo(2))
                .body("development.hotfixStatus", nullValue())
                .body(not(containsString("DEV-4711")))
                .body(not(containsString("License check")));
    }

    @Test
    void theCustomerSeesTheEstimatedFixDateAndTheHotfixStatus() {
        String id = fileTicket();
        escalate(id, "DEV-1");
        String tickets = "/api/tickets/" + id;

        put(TIER2_AGENT, tickets + "/hotfix/estimate", Map.of("estimatedFixDate", IN_TWO_WEEKS.toString()))
                .statusCode(200).body("development.hotfixStatus", equalTo("PLANNED"));
        get(ANNA, tickets).statusCode(200)
                .body("development.estimatedFixDate", equalTo(IN_TWO_WEEKS.toString()))
                .body("development.hotfixStatus", equalTo("PLANNED"));

        post(TIER2_AGENT, tickets + "/hotfix/release", Map.of("hotfixVersion", "HF-7.2.1-04")).statusCode(200);
        get(ANNA, tickets).statusCode(200)
                .body("development.hotfixStatus", equalTo("RELEASED"))
                .body("development.hotfixVersion", equalTo("HF-7.2.1-04"))
                .body("development.hotfixReleasedAt", notNullValue())
                .body("development.hotfixVerifiedAt", nullValue());

        // P11.2: verification after release can fail; a new hotfix follows
        post(TIER2_AGENT, tickets + "/hotfix/verification", Map.of("passed", false)).statusCode(200)
                .body("development.hotfixStatus", equalTo("VERIFICATION_FAILED"));
        post(TIER2_AGENT, tickets + "/hotfix/release", Map.of("hotfixVersion", "HF-7.2.1-05")).statusCode(200);
        post(TIER2_AGENT, tickets + "/hotfix/verification", Map.of("passed", true)).statusCode(200);
        get(ANNA, tickets).statusCode(200)
                .body("development.hotfixStatus", equalTo("VERIFIED"))
                .body("development.hotfixVersion", equalTo("HF-7.2.1-05"))
                .body("development.hotfixVerifiedAt", notNullValue());
    }

    @Test
    void hotfixStepsOutOfOrderAreConflicts() {
        String id = fileTicket();
        String tickets = "/api/tickets/" + id;
        put(AGENT, tickets + "/hotfix/estimate", Map.of("estimatedFixDate", IN_TWO_WEEKS.toString()))
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("not escalated"));
        post(AGENT, tickets + "/hotfix/release", Map.of("hotfixVersion", "HF-1")).statusCode(409);

        escalate(id, "DEV-2");
        post(AGENT, tickets + "/hotfix/verification", Map.of("passed", true)).statusCode(409)
                .body("detail", containsString("no released hotfix"));
        post(AGENT, tickets + "/hotfix/release", Map.of("hotfixVersion", "HF-1")).statusCode(200);
        post(AGENT, tickets + "/hotfix/release", Map.of("hotfixVersion", "HF-2")).statusCode(409)
                .body("detail", containsString("RELEASED"));
        put(AGENT, tickets + "/hotfix/estimate", Map.of("estimatedFixDate", IN_TWO_WEEKS.toString()))
                .statusCode(409);
        get(ANNA, tickets).statusCode(200).body("development.hotfixVersion", equalTo("HF-1"));
    }

    @Test
    void invalidInputIsRejectedNamingTheField() {
        String id = fileTicket();
        escalate(id, "DEV-3");
        String tickets = "/api/tickets/" + id;
        post(AGENT, tickets + "/development-escalations", Map.of("reason", " ")).statusCode(400)
                .body("violations.field", equalTo(List.of("developmentReference", "reason")));
        put(AGENT, tickets + "/hotfix/estimate", Map.of("estimatedFixDate", "2020-01-01")).statusCode(400)
                .body("violations.field", equalTo(List.of("estimatedFixDate")));
        put(AGENT, tickets + "/hotfix/estimate", Map.of("estimatedFixDate", "next week")).statusCode(400)
                .body("violations.field", equalTo(List.of("estimatedFixDate")));
        post(AGENT, tickets + "/hotfix/release", Map.of("hotfixVersion", "")).statusCode(400)
                .body("violations.field", equalTo(List.of("hotfixVersion")));
        post(AGENT, tickets + "/hotfix/verification", Map.of()).statusCode(400)
                .body("violations.field", equalTo(List.of("passed")));
    }

    @Test
    void customersDoNotEscalateToDevelopmentAndResolvedTicketsAreNotEscalated() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/development-escalations";
        post(ANNA, path, Map.of("reason", "please", "developmentReference", "X")).statusCode(403);
        post(BOB_OF_ANOTHER_ACCOUNT, "/api/tickets/" + id + "/hotfix/release", Map.of("hotfixVersion", "HF"))
                .statusCode(403);
        changeStatus(id, "OPEN", "Taken");
        changeStatus(id, "RESOLVED", "Workaround");
        post(AGENT, path, Map.of("reason", "late", "developmentReference", "DEV-9")).statusCode(409)
                .body("detail", containsString("reopen"));
        get(AGENT, path).statusCode(200).body("", hasSize(0));
    }
}
