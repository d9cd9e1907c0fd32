package io.supportplatform.sla.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.supportplatform.cloudevents.MalformedEventException;
import io.supportplatform.sla.domain.Severity;
import io.supportplatform.sla.domain.TicketEvent;
import io.supportplatform.sla.domain.TicketEventType;
import io.supportplatform.sla.domain.TicketStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketEventParserTest {

    private static final String EVENT_ID = "0b9a3c5e-1d2f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String TICKET_ID = "6f1c1e4a-2b7d-4e8a-9c3f-0d5e6a7b8c9d";

    private final TicketEventParser parser = new TicketEventParser(new ObjectMapper());

    @Test
    void readsTheContractExample() {
        TicketEvent event = parser.parse(TicketEventType.TICKET_CREATED, envelope("1", "\"100001\"", "\"2026-11-28T09:00:00Z\""));

        assertEquals(UUID.fromString(EVENT_ID), event.id());
        assertEquals(UUID.fromString(TICKET_ID), event.ticketId());
        assertEquals(TicketEventType.TICKET_CREATED, event.type());
        assertEquals(1, event.sequence());
        assertEquals(Instant.parse("2026-11-28T09:00:00Z"), event.occurredAt());
        assertEquals("TCK-2026-000042", event.ticketNumber());
        assertEquals("100001", event.systemId());
        assertEquals(Severity.S1, event.severity());
        assertEquals(TicketStatus.NEW, event.status());
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        String value = envelope("2", "\"100001\"", "\"2026-11-28T09:00:00Z\"")
                .replace("\"status\":", "\"futureField\":{\"x\":1},\"status\":");

        assertEquals(Severity.S2, parser.parse(TicketEventType.TICKET_CREATED, value).severity());
    }

    @Test
    void namesEveryProblemOfAMalformedEvent() {
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> parser.parse(TicketEventType.TICKET_CREATED, envelope("5", "\"ABC\"", "\"yesterday\"")));

        assertTrue(e.getMessage().contains("data.severity must be an integer 1..4"), e.getMessage());
        assertTrue(e.getMessage().contains("data.systemId must match"), e.getMessage());
        assertTrue(e.getMessage().contains("data.createdAt must be an RFC 3339 UTC timestamp"), e.getMessage());
    }

    @Test
    void rejectsOtherTypesAndNonJson() {
        String v2 = envelope("1", "\"100001\"", "\"2026-11-28T09:00:00Z\"")
                .replace("ticket-created.v1", "ticket-created.v2");

        assertTrue(assertThrows(MalformedEventException.class, () -> parser.parse(TicketEventType.TICKET_CREATED, v2)).getMessage()
                .contains("type must be io.supportplatform.ticket-created.v1"));
        assertTrue(assertThrows(MalformedEventException.class, () -> parser.parse(TicketEventType.TICKET_CREATED, "{not json"))
                .getMessage().contains("not JSON"));
        assertThrows(MalformedEventException.class, () -> parser.parse(TicketEventType.TICKET_CREATED, "[]"));
        assertThrows(MalformedEventException.class, () -> parser.parse(TicketEventType.TICKET_CREATED, null));
    }

    @Test
    void subjectMustBeTheTicket() {
        String value = envelope("1", "\"100001\"", "\"2026-11-28T09:00:00Z\"")
                .replace("\"subject\":\"" + TICKET_ID, "\"subject\":\"" + UUID.randomUUID());

        assertThrows(MalformedEventException.class, () -> parser.parse(TicketEventType.TICKET_CREATED, value));
    }

    @Test
    void readsEveryConsumedEventTypeWithWhatTheClocksNeed() {
        TicketEvent created = parser.parse(TicketEventType.TICKET_CREATED, envelope("1", "\"100001\"", "\"2026-11-28T09:00:00Z\"")
                .replace("\"status\":", "\"region\":\"US-EAST\",\"status\":"));
        assertEquals("US-EAST", created.region());

        TicketEvent reply = parser.parse(TicketEventType.AGENT_REPLIED, event("agent-replied",
                "\"replyId\":\"" + UUID.randomUUID() + "\",\"author\":\"alex\",\"visibility\":\"INTERNAL\",\"body\":\"x\",\"postedAt\":\"2026-11-28T10:00:00Z\""));
        assertEquals(TicketEvent.Visibility.INTERNAL, reply.visibility());
        assertEquals(Instant.parse("2026-11-28T10:00:00Z"), reply.occurredAt());

        TicketEvent status = parser.parse(TicketEventType.TICKET_STATUS_CHANGED, event("ticket-status-changed",
                "\"from\":\"OPEN\",\"to\":\"WAITING_FOR_CUSTOMER\",\"reason\":null,\"changedBy\":\"alex\",\"changedAt\":\"2026-11-28T11:00:00Z\""));
        assertEquals(TicketStatus.OPEN, status.previousStatus());
        assertEquals(TicketStatus.WAITING_FOR_CUSTOMER, status.status());

        TicketEvent severity = parser.parse(TicketEventType.TICKET_SEVERITY_CHANGED, event("ticket-severity-changed",
                "\"from\":3,\"to\":1,\"reason\":\"outage\",\"changedBy\":\"alex\",\"changedAt\":\"2026-11-28T12:00:00Z\""));
        assertEquals(Severity.S1, severity.severity());

        TicketEvent call = parser.parse(TicketEventType.PHONE_CONTACT_LOGGED, event("phone-contact-logged",
                "\"phoneContactId\":\"" + UUID.randomUUID() + "\",\"tier\":\"TIER2\",\"direction\":\"OUTBOUND\","
                        + "\"calledAt\":\"2026-11-28T12:30:00Z\",\"contactName\":\"Anna\",\"summary\":null,"
                        + "\"loggedBy\":\"tom\",\"loggedAt\":\"2026-11-28T13:00:00Z\""));
        assertEquals(TicketEvent.PhoneTier.TIER2, call.tier());
        assertEquals(TicketEvent.CallDirection.OUTBOUND, call.direction());
        assertEquals(Instant.parse("2026-11-28T12:30:00Z"), call.occurredAt()); // the call, not its logging

        TicketEvent escalation = parser.parse(TicketEventType.ESCALATION_REQUESTED, event("escalation-requested",
                "\"kind\":\"UPDATE\",\"message\":null,\"severity\":2,\"requestedBy\":\"anna\",\"requestedAt\":\"2026-11-28T14:00:00Z\""));
        assertEquals(TicketEvent.EscalationKind.UPDATE, escalation.escalationKind());
        assertEquals(Severity.S2, escalation.severity());

        TicketEvent customer = parser.parse(TicketEventType.CUSTOMER_REPLIED, event("customer-replied",
                "\"replyId\":\"" + UUID.randomUUID() + "\",\"author\":\"anna\",\"body\":\"x\",\"postedAt\":\"2026-11-28T15:00:00Z\""));
        assertEquals(TicketEventType.CUSTOMER_REPLIED, customer.type());
    }

    @Test
    void unknownEnumValuesAreNamed() {
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> parser.parse(TicketEventType.PHONE_CONTACT_LOGGED, event("phone-contact-logged",
                        "\"tier\":\"TIER3\",\"direction\":\"SIDEWAYS\",\"calledAt\":\"2026-11-28T12:30:00Z\"")));

        assertTrue(e.getMessage().contains("data.tier must be one of [TIER1, TIER2], was TIER3"), e.getMessage());
        assertTrue(e.getMessage().contains("data.direction must be one of"), e.getMessage());
    }

    private static String event(String topic, String fields) {
        return """
                {"specversion":"1.0","id":"%s","type":"io.supportplatform.%s.v1",
                 "source":"/ticket-service","time":"2026-11-28T09:00:00Z","subject":"%s",
                 "datacontenttype":"application/json",
                 "data":{"sequence":2,"ticketId":"%s","ticketNumber":"TCK-2026-000042","systemId":"100001",%s}}
                """.formatted(EVENT_ID, topic, TICKET_ID, TICKET_ID, fields);
    }

    private static String envelope(String severity, String systemId, String createdAt) {
        return """
                {"specversion":"1.0","id":"%s","type":"io.supportplatform.ticket-created.v1",
                 "source":"/ticket-service","time":"2026-11-28T09:00:00Z","subject":"%s",
                 "datacontenttype":"application/json",
                 "data":{"sequence":1,"ticketId":"%s","ticketNumber":"TCK-2026-000042","systemId":%s,
                         "severity":%s,"subject":"Server down","status":"NEW","createdBy":"anna",
                         "createdAt":%s}}
                """.formatted(EVENT_ID, TICKET_ID, TICKET_ID, systemId, severity, createdAt);
    }
}
