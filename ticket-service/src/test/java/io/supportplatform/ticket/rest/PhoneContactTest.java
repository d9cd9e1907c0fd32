package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.WorkRequests.AGENT;
import static io.supportplatform.ticket.WorkRequests.ANNA;
import static io.supportplatform.ticket.WorkRequests.BOB_OF_ANOTHER_ACCOUNT;
import static io.supportplatform.ticket.WorkRequests.changeStatus;
import static io.supportplatform.ticket.WorkRequests.fileTicket;
import static io.supportplatform.ticket.WorkRequests.get;
import static io.supportplatform.ticket.WorkRequests.post;
import static io.supportplatform.ticket.WorkRequests.TIER2_AGENT;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;

/** Phone support (P4): calls logged by support against an existing ticket. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class PhoneContactTest {

    static Map<String, Object> call(String tier, Instant calledAt, String summary, String... direction) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("tier", tier, "calledAt", calledAt.toString(),
                "contactName", "Anna Berger"));
        if (summary != null) {
            body.put("summary", summary);
        }
        Arrays.stream(direction).forEach(value -> body.put("direction", value));
        return body;
    }

    @Test
    void supportLogsCallsAndTheCustomerSeesThemWithoutTheSummary() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/phone-contacts";
        Instant earlier = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        Instant later = earlier.plus(20, ChronoUnit.MINUTES);

        post(TIER2_AGENT, path, call("TIER2", later, "Suspect HF-03; check license cache")).statusCode(201)
                .body("direction", equalTo("OUTBOUND"))
                .body("tier", equalTo("TIER2"))
                .body("loggedBy", equalTo("tom"))
                .body("summary", equalTo("Suspect HF-03; check license cache"));
        post(AGENT, path, call("TIER1", earlier, "Customer called about the outage", "INBOUND")).statusCode(201)
                .body("direction", equalTo("INBOUND"));

        get(AGENT, path).statusCode(200)
                .body("calledAt", equalTo(List.of(earlier.toString(), later.toString())))
                .body("summary", equalTo(List.of("Customer called about the outage",
                        "Suspect HF-03; check license cache")));
        get(ANNA, path).statusCode(200)
                .body("", hasSize(2))
                .body("contactName", everyItem(equalTo("Anna Berger")))
                .body("summary", everyItem(nullValue()));
    }

    @Test
    void noTicketNoPhoneSupport() {
        // P4.2: phone support only once a ticket exists
        post(AGENT, "/api/tickets/" + UUID.randomUUID() + "/phone-contacts", call("TIER1", Instant.now(), null))
                .statusCode(404).contentType("application/problem+json");
        post(AGENT, "/api/tickets/TCK-2026-000001/phone-contacts", call("TIER1", Instant.now(), null))
                .statusCode(404);
    }

    @Test
    void customersDoNotLogCallsAndOthersTicketsAreNotFound() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/phone-contacts";
        post(ANNA, path, call("TIER1", Instant.now(), null)).statusCode(403).contentType("application/problem+json");
        get(BOB_OF_ANOTHER_ACCOUNT, path).statusCode(404).contentType("application/problem+json");
        get(AGENT, path).statusCode(200).body("", hasSize(0));
    }

    @Test
    void invalidCallsAreRejectedNamingTheField() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/phone-contacts";
        post(AGENT, path, call("TIER1", Instant.now().plus(1, ChronoUnit.HOURS), null)).statusCode(400)
                .body("violations.field", equalTo(List.of("calledAt")));
        post(AGENT, path, Map.of("contactName", " ", "summary", "x".repeat(4001))).statusCode(400)
                .body("violations.field", equalTo(List.of("calledAt", "contactName", "summary", "tier")));
        post(AGENT, path, call("TIER3", Instant.now(), null)).statusCode(400)
                .contentType("application/problem+json");
        post(AGENT, path, call("TIER1", Instant.now(), null, "SIDEWAYS")).statusCode(400);
        get(AGENT, path).statusCode(200).body("", hasSize(0));
    }

    @Test
    void callsAreLoggedOnClosedTicketsToo() {
        String id = fileTicket();
        changeStatus(id, "OPEN", "Taken");
        changeStatus(id, "RESOLVED", "Fixed");
        changeStatus(id, "CLOSED", "Done");
        post(AGENT, "/api/tickets/" + id + "/phone-contacts", call("TIER1", Instant.now(), "Follow-up call"))
                .statusCode(201);
    }
}
