package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.WorkRequests.AGENT;
import static io.supportplatform.ticket.WorkRequests.ANNA;
import static io.supportplatform.ticket.WorkRequests.BOB_OF_ANOTHER_ACCOUNT;
import static io.supportplatform.ticket.WorkRequests.SUPERVISOR;
import static io.supportplatform.ticket.WorkRequests.TIER2_AGENT;
import static io.supportplatform.ticket.WorkRequests.changeStatus;
import static io.supportplatform.ticket.WorkRequests.fileTicket;
import static io.supportplatform.ticket.WorkRequests.get;
import static io.supportplatform.ticket.WorkRequests.post;
import static io.supportplatform.ticket.WorkRequests.put;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.PublishedEvents;
import io.vertx.core.json.JsonObject;

/** Assignment to a queue and an agent, and severity changes with a reason (issue 3, item 5). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class AssignmentAndSeverityTest {

    static Map<String, Object> assignment(String queue, String assignee) {
        Map<String, Object> body = new HashMap<>();
        body.put("queue", queue);
        body.put("assignee", assignee);
        return body;
    }

    @Test
    void newTicketsWaitUnassignedInTheFirstLevelQueue() {
        String id = fileTicket();
        get(ANNA, "/api/tickets/" + id).statusCode(200)
                .body("queue", equalTo("FIRST_LEVEL"))
                .body("assignee", nullValue())
                .body("development.escalated", equalTo(false));
    }

    @Test
    void agentsTakeTicketsAndSupervisorsHandThemToAnyone() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/assignment";

        put(AGENT, path, assignment("FIRST_LEVEL", "alex")).statusCode(200)
                .body("assignee", equalTo("alex")).body("queue", equalTo("FIRST_LEVEL"));
        put(AGENT, path, assignment("TIER2", "tom")).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("supervisors"));
        put(SUPERVISOR, path, assignment("TIER2", "tom")).statusCode(200)
                .body("assignee", equalTo("tom")).body("queue", equalTo("TIER2"));
        put(TIER2_AGENT, path, assignment("DEVELOPMENT", null)).statusCode(200)
                .body("assignee", nullValue()).body("queue", equalTo("DEVELOPMENT"));
        get(ANNA, "/api/tickets/" + id).statusCode(200).body("queue", equalTo("DEVELOPMENT"));
    }

    @Test
    void theSameAssignmentAgainChangesNothingAndPublishesNothing() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/assignment";
        put(AGENT, path, assignment("TIER2", "alex")).statusCode(200);
        put(AGENT, path, assignment("TIER2", "alex")).statusCode(200).body("assignee", equalTo("alex"));
        put(AGENT, path, assignment("TIER2", null)).statusCode(200);

        List<String> assignees = PublishedEvents.awaitAll(List.of("ticket-assigned"), id, 2, Duration.ofSeconds(30))
                .stream().map(record -> String.valueOf(new JsonObject(record.value()).getJsonObject("data")
                        .getValue("assignee")))
                .toList();
        assertEquals(List.of("alex", "null"), assignees, "two changes, two events; the repeat published none");
    }

    @Test
    void unknownQueuesAndMalformedUsernamesAreRejectedNamingTheField() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/assignment";

        put(SUPERVISOR, path, assignment("BACKOFFICE", "tom")).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("queue")))
                .body("violations[0].message", containsString("FIRST_LEVEL"));
        put(SUPERVISOR, path, assignment("TIER2", "Tom Smith")).statusCode(400)
                .body("violations.field", equalTo(List.of("assignee")));
        put(SUPERVISOR, path, assignment(" ", "x".repeat(65))).statusCode(400)
                .body("violations.field", equalTo(List.of("assignee", "queue")));
        get(AGENT, "/api/tickets/" + id).statusCode(200).body("queue", equalTo("FIRST_LEVEL"));
    }

    @Test
    void customersNeitherAssignNorChangeSeverityAndOthersTicketsAreNotFound() {
        String id = fileTicket();
        put(ANNA, "/api/tickets/" + id + "/assignment", assignment("TIER2", null)).statusCode(403)
                .contentType("application/problem+json");
        post(ANNA, "/api/tickets/" + id + "/severity", Map.of("severity", 1, "reason", "urgent")).statusCode(403)
                .contentType("application/problem+json");
        put(AGENT, "/api/tickets/" + UUID.randomUUID() + "/assignment", assignment("TIER2", null)).statusCode(404)
                .contentType("application/problem+json");
        post(AGENT, "/api/tickets/no-ticket/severity", Map.of("severity", 1, "reason", "urgent")).statusCode(404);
        post(BOB_OF_ANOTHER_ACCOUNT, "/api/tickets/" + id + "/escalation-requests", Map.of("kind", "UPDATE"))
                .statusCode(404);
    }

    @Test
    void severityChangesNeedAReasonAndAValidLevel() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/severity";

        post(AGENT, path, Map.of("severity", 1)).statusCode(400)
                .body("violations.field", equalTo(List.of("reason")));
        post(AGENT, path, Map.of("severity", 5, "reason", " ")).statusCode(400)
                .body("violations.field", equalTo(List.of("reason", "severity")));
        post(AGENT, path, Map.of("severity", 1, "reason", "All agents offline")).statusCode(200)
                .body("severity", equalTo(1));
        get(ANNA, "/api/tickets/" + id).statusCode(200).body("severity", equalTo(1));
    }

    @Test
    void theSameSeverityAgainIsAConflict() {
        String id = fileTicket();
        post(AGENT, "/api/tickets/" + id + "/severity", Map.of("severity", 2, "reason", "no change"))
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already has severity 2"));
    }

    @Test
    void resolvedAndClosedTicketsKeepTheirSeverity() {
        String id = fileTicket();
        changeStatus(id, "OPEN", "Taken");
        changeStatus(id, "RESOLVED", "Fixed");
        post(AGENT, "/api/tickets/" + id + "/severity", Map.of("severity", 1, "reason", "worse")).statusCode(409)
                .body("detail", containsString("RESOLVED"));
        changeStatus(id, "CLOSED", "Done");
        post(AGENT, "/api/tickets/" + id + "/severity", Map.of("severity", 1, "reason", "worse")).statusCode(409);
        put(SUPERVISOR, "/api/tickets/" + id + "/assignment", assignment("TIER2", "tom")).statusCode(409)
                .body("detail", containsString("closed"));
        get(AGENT, "/api/tickets/" + id).statusCode(200).body("severity", equalTo(2)).body("queue",
                equalTo("FIRST_LEVEL"));
    }

    /**
     * Two support users change the same ticket at the same moment: one re-rates it, the other reassigns it. The
     * ticket row is locked per change and versioned, so the second change works on the first one's result and
     * neither is lost; each publishes its own event with its own sequence number.
     */
    @Test
    void concurrentChangesOfOneTicketDoNotLoseOneAnother() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            String id = fileTicket();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Integer>> changes = List.of(
                        () -> post(AGENT, "/api/tickets/" + id + "/severity",
                                Map.of("severity", 1, "reason", "outage")).extract().statusCode(),
                        () -> put(SUPERVISOR, "/api/tickets/" + id + "/assignment", assignment("TIER2", "tom"))
                                .extract().statusCode());
                List<Integer> answers = pool.invokeAll(changes).stream().map(AssignmentAndSeverityTest::answer)
                        .toList();
                assertEquals(List.of(200, 200), answers);
            } finally {
                pool.shutdownNow();
            }
            get(AGENT, "/api/tickets/" + id).statusCode(200)
                    .body("severity", equalTo(1))
                    .body("assignee", equalTo("tom"))
                    .body("queue", equalTo("TIER2"));
            List<Long> sequences = PublishedEvents.awaitAll(List.of("ticket-severity-changed", "ticket-assigned"), id,
                    2, Duration.ofSeconds(30)).stream()
                    .map(record -> new JsonObject(record.value()).getJsonObject("data").getLong("sequence"))
                    .sorted().toList();
            assertEquals(List.of(2L, 3L), sequences);
        }
    }

    private static int answer(Future<Integer> answer) {
        try {
            return answer.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
