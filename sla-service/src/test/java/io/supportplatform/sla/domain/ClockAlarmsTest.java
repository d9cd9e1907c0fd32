package io.supportplatform.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The alarms planned from a ticket's clocks: their keys, kinds and due times (P8, P9.2, P13). */
class ClockAlarmsTest {

    private static final UUID TICKET = UUID.fromString("6f1c1e4a-2b7d-4e8a-9c3f-0d5e6a7b8c9d");
    private static final Instant CREATED = Instant.parse("2026-11-28T09:00:00Z");
    private static final SlaPolicy POLICY_2010 = new SlaPolicy("2010-02-01", Instant.parse("2010-02-01T00:00:00Z"),
            Map.of(ClockType.FIRST_RESPONSE, Map.of(Severity.S1, Duration.ofHours(2), Severity.S2, Duration.ofHours(4),
                    Severity.S3, Duration.ofHours(8), Severity.S4, Duration.ofHours(12))));
    private static final SlaPolicies POLICIES = new SlaPolicies(List.of(POLICY_2010));
    private static final RegionCalendars CALENDARS = new RegionCalendars(Map.of("EU-DE", BusinessCalendar.alwaysOpen()), "EU-DE");

    private long sequence;

    @Test
    void runningClockWarnsAtThreeQuartersBreachesAtTheDeadlineAndEscalatesAfter() { // P8.3, P13
        Map<String, ClockAlarm> alarms = plan(created(CREATED, 3));

        String clock = TICKET + "/FIRST_RESPONSE/0/";
        assertEquals(Map.of(clock + "WARNING", CREATED.plus(Duration.ofHours(6)),
                clock + "BREACH", CREATED.plus(Duration.ofHours(8)),
                clock + "ESCALATION/1", CREATED.plus(Duration.ofHours(8)),
                clock + "ESCALATION/2", CREATED.plus(Duration.ofHours(9)),
                clock + "ESCALATION/3", CREATED.plus(Duration.ofHours(10))), dueTimes(alarms));
        ClockAlarm level2 = alarms.get(clock + "ESCALATION/2");
        assertEquals(EscalationAudience.SUPPORT_MANAGEMENT, level2.audience());
        assertEquals(EscalationReason.BREACH, level2.reason());
        assertEquals(CREATED.plus(Duration.ofHours(8)), level2.deadline());
    }

    @Test
    void severityOneAndTwoEscalateOnCreationOnce() { // P13.1
        TicketEvent created = created(CREATED, 1);
        Map<String, ClockAlarm> alarms = plan(created, created(CREATED.plusSeconds(5), 1));

        ClockAlarm escalation = alarms.get(TICKET + "/ESCALATION/on-creation");
        assertEquals(CREATED, escalation.dueAt());
        assertEquals(EscalationAudience.TIER2_ON_CALL, escalation.audience());
        assertEquals(EscalationReason.CRITICAL_ON_CREATION, escalation.reason());
        assertEquals(created.id(), escalation.causeEventId());
        assertEquals(1, alarms.keySet().stream().filter(key -> key.contains("on-creation")).count());

        assertEquals(EscalationAudience.TEAM_LEAD, plan(created(CREATED, 2)).get(TICKET + "/ESCALATION/on-creation").audience());
        assertFalse(plan(created(CREATED, 3)).containsKey(TICKET + "/ESCALATION/on-creation"));
    }

    @Test
    void eachEscalationRequestEscalatesOnceKeyedByItsEvent() { // P13.3
        TicketEvent update = event(TicketEventType.ESCALATION_REQUESTED, CREATED.plusSeconds(600))
                .withSeverity(Severity.S3).withEscalationKind(TicketEvent.EscalationKind.UPDATE);
        TicketEvent further = event(TicketEventType.ESCALATION_REQUESTED, CREATED.plusSeconds(900))
                .withSeverity(Severity.S3).withEscalationKind(TicketEvent.EscalationKind.ESCALATION);
        Map<String, ClockAlarm> alarms = plan(created(CREATED, 3), update, further, update);

        ClockAlarm first = alarms.get(TICKET + "/ESCALATION/request/" + update.id());
        assertEquals(CREATED.plusSeconds(600), first.dueAt());
        assertEquals(EscalationAudience.TEAM_LEAD, first.audience());
        assertEquals("UPDATE", first.requestKind());
        ClockAlarm second = alarms.get(TICKET + "/ESCALATION/request/" + further.id());
        assertEquals(EscalationAudience.SUPPORT_MANAGEMENT, second.audience());
        assertEquals(2, second.level());
        assertEquals(EscalationReason.CUSTOMER_REQUEST, second.reason());
    }

    @Test
    void pausedClockPlansNoWarningOrBreach() { // P9.2
        Map<String, ClockAlarm> alarms = plan(created(CREATED, 3),
                status(CREATED.plusSeconds(3600), TicketStatus.NEW, TicketStatus.WAITING_FOR_CUSTOMER));
        assertTrue(alarms.keySet().stream().noneMatch(key -> key.contains("FIRST_RESPONSE")), alarms.keySet()::toString);
    }

    @Test
    void resumedClockPlansItsAlarmsLaterByThePause() { // P9.2, P9.3
        Map<String, ClockAlarm> alarms = plan(created(CREATED, 3),
                status(CREATED.plusSeconds(3600), TicketStatus.NEW, TicketStatus.WAITING_FOR_CUSTOMER),
                status(CREATED.plusSeconds(3 * 3600), TicketStatus.WAITING_FOR_CUSTOMER, TicketStatus.OPEN));
        assertEquals(CREATED.plus(Duration.ofHours(10)), alarms.get(TICKET + "/FIRST_RESPONSE/0/BREACH").dueAt());
        assertEquals(CREATED.plus(Duration.ofHours(8)), alarms.get(TICKET + "/FIRST_RESPONSE/0/WARNING").dueAt());
    }

    @Test
    void metClockPlansMetAtTheReplyAndKeepsABreachThatHappened() {
        TicketEvent reply = event(TicketEventType.AGENT_REPLIED, CREATED.plus(Duration.ofHours(9)))
                .withVisibility(TicketEvent.Visibility.PUBLIC);
        Map<String, ClockAlarm> alarms = plan(created(CREATED, 3), reply);

        String clock = TICKET + "/FIRST_RESPONSE/0/";
        assertEquals(Map.of(clock + "BREACH", CREATED.plus(Duration.ofHours(8)),
                clock + "ESCALATION/1", CREATED.plus(Duration.ofHours(8)),
                clock + "ESCALATION/2", CREATED.plus(Duration.ofHours(9)),
                clock + "MET", CREATED.plus(Duration.ofHours(9))), dueTimes(alarms),
                "no warning (not running any more), no level 3 (due after the reply)");
    }

    @Test
    void metInTimePlansOnlyMet() {
        TicketEvent reply = event(TicketEventType.AGENT_REPLIED, CREATED.plusSeconds(600))
                .withVisibility(TicketEvent.Visibility.PUBLIC);
        assertEquals(Map.of(TICKET + "/FIRST_RESPONSE/0/MET", CREATED.plusSeconds(600)),
                dueTimes(plan(created(CREATED, 3), reply)));
    }

    @Test
    void reTargetedClockMovesItsAlarms() { // severity 3 -> 1 after one hour: 2 h target, one hour used
        TicketEvent raised = event(TicketEventType.TICKET_SEVERITY_CHANGED, CREATED.plusSeconds(3600))
                .withSeverity(Severity.S1);
        Map<String, ClockAlarm> alarms = plan(created(CREATED, 3), raised);
        assertEquals(CREATED.plus(Duration.ofHours(2)), alarms.get(TICKET + "/FIRST_RESPONSE/0/BREACH").dueAt());
        assertEquals(Severity.S1, alarms.get(TICKET + "/FIRST_RESPONSE/0/BREACH").severity());
    }

    @Test
    void theSameEventsInAnyOrderPlanTheSameAlarms() {
        List<TicketEvent> events = List.of(created(CREATED, 2),
                status(CREATED.plusSeconds(60), TicketStatus.NEW, TicketStatus.WAITING_FOR_CUSTOMER),
                status(CREATED.plusSeconds(600), TicketStatus.WAITING_FOR_CUSTOMER, TicketStatus.OPEN));
        List<TicketEvent> reversed = new ArrayList<>(events);
        java.util.Collections.reverse(reversed);
        assertEquals(Map.copyOf(plan(events.toArray(TicketEvent[]::new))), Map.copyOf(plan(reversed.toArray(TicketEvent[]::new))));
    }

    private Map<String, ClockAlarm> plan(TicketEvent... events) {
        List<TicketEvent> held = List.of(events);
        List<ResponseClock> clocks = ResponseClocks.compute(held, POLICIES, CALENDARS);
        return ClockAlarms.plan(clocks, held, POLICIES).stream()
                .collect(Collectors.toMap(ClockAlarm::key, alarm -> alarm));
    }

    private static Map<String, Instant> dueTimes(Map<String, ClockAlarm> alarms) {
        return alarms.values().stream().collect(Collectors.toMap(ClockAlarm::key, ClockAlarm::dueAt));
    }

    private TicketEvent created(Instant at, int severity) {
        return event(TicketEventType.TICKET_CREATED, at).withSeverity(Severity.ofLevel(severity))
                .withStatus(null, TicketStatus.NEW);
    }

    private TicketEvent status(Instant at, TicketStatus from, TicketStatus to) {
        return event(TicketEventType.TICKET_STATUS_CHANGED, at).withStatus(from, to);
    }

    private TicketEvent event(TicketEventType type, Instant at) {
        return TicketEvent.of(UUID.randomUUID(), TICKET, type, ++sequence, at, "TCK-2026-000042", "100001");
    }
}
