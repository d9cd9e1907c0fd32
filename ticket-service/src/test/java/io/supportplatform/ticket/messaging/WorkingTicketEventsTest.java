package io.supportplatform.ticket.messaging;

import static io.supportplatform.ticket.WorkRequests.AGENT;
import static io.supportplatform.ticket.WorkRequests.ANNA;
import static io.supportplatform.ticket.WorkRequests.SUPERVISOR;
import static io.supportplatform.ticket.WorkRequests.TIER2_AGENT;
import static io.supportplatform.ticket.WorkRequests.changeStatus;
import static io.supportplatform.ticket.WorkRequests.fileTicket;
import static io.supportplatform.ticket.WorkRequests.post;
import static io.supportplatform.ticket.WorkRequests.put;
import static io.supportplatform.ticket.messaging.PublishedTicketEvents.awaitInSequence;
import static io.supportplatform.ticket.messaging.PublishedTicketEvents.data;
import static io.supportplatform.ticket.messaging.PublishedTicketEvents.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportplatform.devstack.testing.EventContract;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.PublishedEvents;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Working a ticket publishes the events of NEW-TICKET-EVENTS (the contract sla-service and kb-service consume)
 * plus the development and hotfix events, each matching its schema in deploy/contracts, in the ticket's one
 * sequence.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class WorkingTicketEventsTest {

    static final List<String> NEW_EVENTS = List.of("ticket-severity-changed", "escalation-requested",
            "phone-contact-logged", "ticket-assigned", "ticket-resolved", "ticket-development-escalated",
            "hotfix-status-changed");

    static final Map<String, EventContract> CONTRACTS = contracts();

    static Map<String, EventContract> contracts() {
        Map<String, EventContract> contracts = new HashMap<>();
        for (String name : NEW_EVENTS) {
            contracts.put(name, EventContract.of(name + ".v1.schema.json"));
        }
        for (String name : List.of("ticket-created", "ticket-status-changed", "agent-replied", "customer-replied")) {
            contracts.put(name, EventContract.of(name + ".v1.schema.json"));
        }
        return Map.copyOf(contracts);
    }

    @Test
    void workingATicketPublishesEveryEventInOneSequenceMatchingTheContracts() {
        String id = fileTicket();                                                                     // 1
        String tickets = "/api/tickets/" + id;
        put(SUPERVISOR, tickets + "/assignment", Map.of("queue", "TIER2", "assignee", "tom"))
                .statusCode(200);                                                                     // 2
        changeStatus(id, "OPEN", "Taken");                                                            // 3
        post(TIER2_AGENT, tickets + "/severity", Map.of("severity", 1, "reason", "All agents offline"))
                .statusCode(200);                                                                     // 4
        Instant calledAt = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        post(TIER2_AGENT, tickets + "/phone-contacts", Map.of("tier", "TIER2", "calledAt", calledAt.toString(),
                "contactName", "Anna Berger", "summary", "Restarted the license service together."))
                .statusCode(201);                                                                     // 5
        post(ANNA, tickets + "/escalation-requests", Map.of("kind", "ESCALATION", "message", "Still down!"))
                .statusCode(201);                                                                     // 6
        post(TIER2_AGENT, tickets + "/development-escalations", Map.of("reason", "Needs a code fix",
                "developmentReference", "DEV-4711")).statusCode(201);                                 // 7
        LocalDate fixDate = LocalDate.now(ZoneOffset.UTC).plusDays(14);
        put(TIER2_AGENT, tickets + "/hotfix/estimate", Map.of("estimatedFixDate", fixDate.toString()))
                .statusCode(200);                                                                     // 8
        post(TIER2_AGENT, tickets + "/hotfix/release", Map.of("hotfixVersion", "HF-7.2.1-04"))
                .statusCode(200);                                                                     // 9
        post(TIER2_AGENT, tickets + "/hotfix/verification", Map.of("passed", true)).statusCode(200);  // 10
        post(AGENT, tickets + "/articles/kb-4711", Map.of()).statusCode(201);                         // no event
        post(AGENT, tickets + "/articles/kb-0815", Map.of()).statusCode(201);                         // no event
        changeStatus(id, "RESOLVED", "Hotfix HF-7.2.1-04 applied");                                   // 11, 12
        int expected = 12;

        List<JsonObject> events = awaitInSequence(CONTRACTS, id, expected);
        assertEquals(List.of("ticket-created", "ticket-assigned", "ticket-status-changed", "ticket-severity-changed",
                "phone-contact-logged", "escalation-requested", "ticket-development-escalated",
                "hotfix-status-changed", "hotfix-status-changed", "hotfix-status-changed", "ticket-status-changed",
                "ticket-resolved"), names(events));

        JsonObject assigned = data(events, 2);
        assertEquals("tom", assigned.getString("assignee"));
        assertEquals("TIER2", assigned.getString("queue"));
        assertEquals("sue", assigned.getString("assignedBy"));

        JsonObject severity = data(events, 4);
        assertEquals(2, severity.getInteger("from"));
        assertEquals(1, severity.getInteger("to"));
        assertEquals("All agents offline", severity.getString("reason"));
        assertEquals("tom", severity.getString("changedBy"));

        JsonObject call = data(events, 5);
        assertEquals("TIER2", call.getString("tier"));
        assertEquals("OUTBOUND", call.getString("direction"), "outbound unless said otherwise (P4.1)");
        assertEquals(calledAt, Instant.parse(call.getString("calledAt")));
        assertEquals("Anna Berger", call.getString("contactName"));
        assertEquals("tom", call.getString("loggedBy"));

        JsonObject escalation = data(events, 6);
        assertEquals("ESCALATION", escalation.getString("kind"));
        assertEquals("Still down!", escalation.getString("message"));
        assertEquals(1, escalation.getInteger("severity"), "the severity at the time of the request");
        assertEquals("anna", escalation.getString("requestedBy"));

        JsonObject development = data(events, 7);
        assertEquals(1, development.getInteger("round"));
        assertEquals("DEV-4711", development.getString("developmentReference"));

        assertEquals(List.of("null->PLANNED", "PLANNED->RELEASED", "RELEASED->VERIFIED"),
                events.subList(7, 10).stream().map(event -> event.getJsonObject("data"))
                        .map(data -> data.getString("from") + "->" + data.getString("to")).toList());
        assertEquals(fixDate.toString(), data(events, 8).getString("estimatedFixDate"));
        assertNull(data(events, 8).getString("hotfixVersion"));
        assertEquals("HF-7.2.1-04", data(events, 9).getString("hotfixVersion"));

        // ticket-resolved right after the move to RESOLVED, from the same transaction
        JsonObject moved = data(events, 11);
        JsonObject resolved = data(events, 12);
        assertEquals("RESOLVED", moved.getString("to"));
        assertEquals(moved.getString("changedAt"), resolved.getString("resolvedAt"));
        assertEquals("Hotfix HF-7.2.1-04 applied", resolved.getString("resolution"));
        assertEquals("alex", resolved.getString("resolvedBy"));
        assertEquals(1, resolved.getInteger("severity"));
        assertEquals("Agents cannot log in", resolved.getString("subject"));
        assertEquals(new JsonArray().add("kb-4711").add("kb-0815"), resolved.getJsonArray("linkedArticleIds"));
        assertEquals(new JsonArray().add(new JsonObject().put("name", "Support Server").put("version", "7.2")),
                resolved.getJsonArray("products"), "name and version only, no patches");
        assertEquals("15 SP5", resolved.getJsonArray("platforms").getJsonObject(0).getString("version"));
    }

    @Test
    void ticketResolvedWithoutLinksOrReasonCarriesAnEmptyListAndNull() {
        String id = fileTicket();
        changeStatus(id, "OPEN", "Taken");
        post(AGENT, "/api/tickets/" + id + "/status", Map.of("status", "RESOLVED")).statusCode(200);

        JsonObject event = new JsonObject(PublishedEvents.awaitRecord("ticket-resolved", id, Duration.ofSeconds(30))
                .value());
        assertTrue(CONTRACTS.get("ticket-resolved").validate(event).getValid());
        JsonObject data = event.getJsonObject("data");
        assertEquals(4, data.getLong("sequence"), "after created (1), OPEN (2) and RESOLVED (3)");
        assertEquals(new JsonArray(), data.getJsonArray("linkedArticleIds"));
        assertTrue(data.containsKey("resolution"));
        assertNull(data.getValue("resolution"));
    }

    @Test
    void inboundCallsAndSupportRequestsOnBehalfOfTheCustomerAreMarkedSo() {
        String id = fileTicket();
        post(AGENT, "/api/tickets/" + id + "/phone-contacts", Map.of("tier", "TIER1", "direction", "INBOUND",
                "calledAt", Instant.now().toString(), "contactName", "Anna Berger")).statusCode(201);
        post(AGENT, "/api/tickets/" + id + "/escalation-requests", Map.of("kind", "UPDATE")).statusCode(201);
        put(AGENT, "/api/tickets/" + id + "/assignment", Map.of("queue", "FIRST_LEVEL", "assignee", "alex"))
                .statusCode(200);
        put(AGENT, "/api/tickets/" + id + "/assignment", Map.of("queue", "TIER2")).statusCode(200);

        JsonObject call = new JsonObject(PublishedEvents.awaitRecord("phone-contact-logged", id,
                Duration.ofSeconds(30)).value());
        assertTrue(CONTRACTS.get("phone-contact-logged").validate(call).getValid());
        assertEquals("INBOUND", call.getJsonObject("data").getString("direction"));
        assertNull(call.getJsonObject("data").getValue("summary"));

        JsonObject request = new JsonObject(PublishedEvents.awaitRecord("escalation-requested", id,
                Duration.ofSeconds(30)).value());
        assertTrue(CONTRACTS.get("escalation-requested").validate(request).getValid());
        assertEquals("alex", request.getJsonObject("data").getString("requestedBy"));
        assertNull(request.getJsonObject("data").getValue("message"));

        List<ConsumerRecord<String, String>> assignments = PublishedEvents.awaitRecords("ticket-assigned", id, 2,
                Duration.ofSeconds(30));
        JsonObject unassigned = new JsonObject(assignments.get(1).value());
        assertTrue(CONTRACTS.get("ticket-assigned").validate(unassigned).getValid(),
                () -> CONTRACTS.get("ticket-assigned").validate(unassigned).getErrors().toString());
        assertNull(unassigned.getJsonObject("data").getValue("assignee"), "null = unassigned");
        assertEquals("TIER2", unassigned.getJsonObject("data").getString("queue"));
    }

    @Test
    void theContractExamplesAreValidAndTheSchemasRejectBrokenEvents() {
        for (String name : NEW_EVENTS) {
            JsonObject example = example(name);
            EventContract contract = CONTRACTS.get(name);
            assertTrue(contract.validate(example).getValid(), () -> name + ": " + contract.validate(example).getErrors());
            for (String field : List.of("sequence", "ticketId", "ticketNumber", "systemId")) {
                JsonObject broken = example.copy();
                broken.getJsonObject("data").remove(field);
                assertFalse(contract.validate(broken).getValid(), name + " without " + field);
            }
        }
        assertFalse(valid("ticket-severity-changed", data -> data.put("to", 5)));
        assertFalse(valid("ticket-severity-changed", data -> data.put("reason", "")));
        assertFalse(valid("ticket-severity-changed", data -> data.remove("reason")));
        assertFalse(valid("escalation-requested", data -> data.put("kind", "COMPLAINT")));
        assertFalse(valid("phone-contact-logged", data -> data.put("tier", "TIER3")));
        assertFalse(valid("phone-contact-logged", data -> data.put("direction", "SIDEWAYS")));
        assertTrue(valid("ticket-assigned", data -> data.putNull("assignee")));
        assertFalse(valid("ticket-assigned", data -> data.remove("queue")));
        assertFalse(valid("ticket-resolved", data -> data.remove("linkedArticleIds")));
        assertFalse(valid("ticket-resolved", data -> data.put("linkedArticleIds", new JsonArray().add("x".repeat(65)))));
        assertFalse(valid("hotfix-status-changed", data -> data.put("to", "SHIPPED")));
        assertFalse(valid("ticket-development-escalated", data -> data.put("round", 0)));
    }

    private static boolean valid(String name, java.util.function.Consumer<JsonObject> breakIt) {
        JsonObject event = example(name);
        breakIt.accept(event.getJsonObject("data"));
        return CONTRACTS.get(name).validate(event).getValid();
    }

    private static JsonObject example(String name) {
        return new JsonObject(EventContract.read(EventContract.CONTRACTS.resolve("examples/" + name + ".v1.json")));
    }
}
