package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.WorkRequests.AGENT;
import static io.supportplatform.ticket.WorkRequests.ANNA;
import static io.supportplatform.ticket.WorkRequests.BOB_OF_ANOTHER_ACCOUNT;
import static io.supportplatform.ticket.WorkRequests.changeStatus;
import static io.supportplatform.ticket.WorkRequests.fileTicket;
import static io.supportplatform.ticket.WorkRequests.get;
import static io.supportplatform.ticket.WorkRequests.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;

/** The customer asks for an update or a further escalation inside the ticket (P13.3). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class EscalationRequestTest {

    @Test
    void theCustomerAsksAndSeesTheRequests() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/escalation-requests";
        post(ANNA, path, Map.of("kind", "UPDATE", "message", "Any news?")).statusCode(201)
                .body("kind", equalTo("UPDATE"))
                .body("message", equalTo("Any news?"))
                .body("requestedBy", equalTo("anna"))
                .body("ticketId", equalTo(id));
        // another kind is another request, not a repeat
        post(ANNA, path, Map.of("kind", "ESCALATION")).statusCode(201).body("message", nullValue());

        get(ANNA, path).statusCode(200).body("kind", equalTo(List.of("UPDATE", "ESCALATION")));
        get(AGENT, path).statusCode(200).body("", hasSize(2));
    }

    @Test
    void theSameKindAgainWithinTheIntervalIsRefusedAlsoWhenSupportAsksOnTheCustomersBehalf() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/escalation-requests";
        post(AGENT, path, Map.of("kind", "ESCALATION", "message", "Customer called, wants escalation"))
                .statusCode(201).body("requestedBy", equalTo("alex"));
        post(ANNA, path, Map.of("kind", "ESCALATION", "message", "Please escalate!")).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("support has been alerted"));
        get(ANNA, path).statusCode(200).body("", hasSize(1));
    }

    @Test
    void anotherAccountsTicketIsNotFoundAndInvalidRequestsNameTheField() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/escalation-requests";
        post(BOB_OF_ANOTHER_ACCOUNT, path, Map.of("kind", "UPDATE")).statusCode(404)
                .contentType("application/problem+json");
        get(BOB_OF_ANOTHER_ACCOUNT, path).statusCode(404);
        post(ANNA, "/api/tickets/00000000-0000-4000-8000-000000000000/escalation-requests",
                Map.of("kind", "UPDATE")).statusCode(404);
        post(ANNA, path, Map.of("kind", "COMPLAINT")).statusCode(400).contentType("application/problem+json");
        post(ANNA, path, Map.of("message", "x".repeat(2001))).statusCode(400)
                .body("violations.field", equalTo(List.of("kind", "message")));
        get(ANNA, path).statusCode(200).body("", hasSize(0));
    }

    @Test
    void closedTicketsTakeNoRequests() {
        String id = fileTicket();
        changeStatus(id, "OPEN", "Taken");
        changeStatus(id, "RESOLVED", "Fixed");
        // a resolved ticket may still be questioned
        post(ANNA, "/api/tickets/" + id + "/escalation-requests", Map.of("kind", "UPDATE")).statusCode(201);
        changeStatus(id, "CLOSED", "Done");
        post(ANNA, "/api/tickets/" + id + "/escalation-requests", Map.of("kind", "ESCALATION")).statusCode(409)
                .body("detail", containsString("closed"));
    }
}
