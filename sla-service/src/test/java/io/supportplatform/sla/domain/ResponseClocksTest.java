package io.supportplatform.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseClocksTest {

    private static final UUID TICKET = UUID.fromString("6f1c1e4a-2b7d-4e8a-9c3f-0d5e6a7b8c9d");
    private static final Instant CREATED = Instant.parse("2026-11-28T09:00:00Z");

    /** The 2010 policy as seeded by Flyway: first response 2/4/8/12 h (P8.1-P8.4). */
    private static final SlaPolicy POLICY_2010 = new SlaPolicy("2010-02-01", Instant.parse("2010-02-01T00:00:00Z"),
            Map.of(ClockType.FIRST_RESPONSE, Map.of(Severity.S1, Duration.ofHours(2), Severity.S2, Duration.ofHours(4),
                    Severity.S3, Duration.ofHours(8), Severity.S4, Duration.ofHours(12))));
    private static final SlaPolicies POLICIES = new SlaPolicies(List.of(POLICY_2010));
    private static final RegionCalendars CALENDARS = new RegionCalendars(Map.of("EU-DE", BusinessCalendar.alwaysOpen()), "EU-DE");

    @ParameterizedTest(name = "S{0}: first response due {1} h after creation")
    @CsvSource({"1, 2", "2, 4", "3, 8", "4, 12"}) // P8.1, P8.2, P8.3, P8.4
    void firstResponseDeadlineFollowsSeverity(int severity, int hours) {
        List<ResponseClock> clocks = ResponseClocks.compute(List.of(created(UUID.randomUUID(), CREATED, 1, severity)),
                POLICIES, CALENDARS, CREATED.plusSeconds(60));

        assertEquals(1, clocks.size());
        ResponseClock clock = clocks.get(0);
        assertEquals(ClockType.FIRST_RESPONSE, clock.type());
        assertEquals(ClockState.RUNNING, clock.state());
        assertEquals(Severity.ofLevel(severity), clock.severity());
        assertEquals("2010-02-01", clock.policyVersion());
        assertEquals(CREATED, clock.startedAt());
        assertEquals(Duration.ofHours(hours), clock.target());
        assertEquals(CREATED.plus(Duration.ofHours(hours)), clock.deadline());
        assertEquals(Duration.ofHours(hours).minusSeconds(60), clock.remainingAt(CREATED.plusSeconds(60)));
        assertEquals("100001", clock.systemId());
        assertEquals("TCK-2026-000042", clock.ticketNumber());
    }

    @Test
    void duplicateDeliveriesGiveTheSameClocksAsOne() {
        TicketEvent event = created(UUID.randomUUID(), CREATED, 1, 1);
        Instant now = CREATED.plusSeconds(600);

        List<ResponseClock> once = ResponseClocks.compute(List.of(event), POLICIES, CALENDARS, now);
        List<ResponseClock> thrice = ResponseClocks.compute(List.of(event, event, event), POLICIES, CALENDARS, now);

        assertEquals(1, once.size());
        assertEquals(once, thrice);
    }

    @Test
    void arrivalOrderDoesNotMatter() {
        // The same ticket reported created twice (a producer retry under a new id): the earlier occurrence counts.
        TicketEvent early = created(UUID.randomUUID(), CREATED, 1, 2);
        TicketEvent late = created(UUID.randomUUID(), CREATED.plusSeconds(30), 2, 1);
        Instant now = CREATED.plusSeconds(3600);
        List<ResponseClock> expected = ResponseClocks.compute(List.of(early, late), POLICIES, CALENDARS, now);

        List<TicketEvent> shuffled = new ArrayList<>(List.of(early, late, early, late));
        Random random = new Random(42);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(shuffled, random);
            assertEquals(expected, ResponseClocks.compute(shuffled, POLICIES, CALENDARS, now), "order " + shuffled);
        }
        assertEquals(1, expected.size());
        assertEquals(Severity.S2, expected.get(0).severity());
        assertEquals(CREATED.plus(Duration.ofHours(4)), expected.get(0).deadline());
    }

    @Test
    void sequenceOrdersEventsOfTheSameInstant() {
        TicketEvent first = created(UUID.fromString("ffffffff-0000-0000-0000-000000000000"), CREATED, 1, 3);
        TicketEvent second = created(UUID.fromString("00000000-0000-0000-0000-000000000001"), CREATED, 2, 1);

        List<ResponseClock> clocks = ResponseClocks.compute(List.of(second, first), POLICIES, CALENDARS, CREATED);

        assertEquals(Severity.S3, clocks.get(0).severity());
    }

    @Test
    void clockKeepsThePolicyVersionInForceWhenItStarted() { // P16.1
        SlaPolicy stricter = new SlaPolicy("2027-01-01", Instant.parse("2027-01-01T00:00:00Z"),
                Map.of(ClockType.FIRST_RESPONSE, Map.of(Severity.S1, Duration.ofHours(1))));
        SlaPolicies both = new SlaPolicies(List.of(stricter, POLICY_2010));
        Instant later = Instant.parse("2027-02-01T00:00:00Z");

        ResponseClock before = ResponseClocks.compute(List.of(created(UUID.randomUUID(), CREATED, 1, 1)), both, CALENDARS, later)
                .get(0);
        ResponseClock after = ResponseClocks.compute(List.of(created(UUID.randomUUID(), later, 1, 1)), both, CALENDARS, later)
                .get(0);

        assertEquals("2010-02-01", before.policyVersion());
        assertEquals(Duration.ofHours(2), before.target());
        assertEquals("2027-01-01", after.policyVersion());
        assertEquals(later.plus(Duration.ofHours(1)), after.deadline());
    }

    @Test
    void noClockWithoutAPolicyInForce() {
        Instant before2010 = Instant.parse("2009-12-31T23:59:59Z");

        assertTrue(ResponseClocks.compute(List.of(created(UUID.randomUUID(), before2010, 1, 1)), POLICIES, CALENDARS, CREATED)
                .isEmpty());
    }

    @Test
    void runningClockPastItsDeadlineIsBreachedAndOverdue() {
        Instant now = CREATED.plus(Duration.ofHours(2)).plusSeconds(90);

        ResponseClock clock = ResponseClocks.compute(List.of(created(UUID.randomUUID(), CREATED, 1, 1)), POLICIES, CALENDARS, now)
                .get(0);

        assertEquals(ClockState.BREACHED, clock.state());
        assertEquals(Duration.ofSeconds(-90), clock.remainingAt(now));
        assertEquals(Duration.ofHours(2).plusSeconds(90), clock.elapsedAt(now, BusinessCalendar.alwaysOpen()));
        assertEquals(ClockState.RUNNING, ResponseClocks.compute(List.of(created(UUID.randomUUID(), CREATED, 1, 1)),
                POLICIES, CALENDARS, CREATED.plus(Duration.ofHours(2)).minusSeconds(1)).get(0).state());
    }

    @Test
    void eventsOfDifferentTicketsAreRejected() {
        TicketEvent other = TicketEvent.of(UUID.randomUUID(), UUID.randomUUID(), TicketEventType.TICKET_CREATED, 1,
                CREATED, "TCK-2026-000043", "100002").withSeverity(Severity.S1).withStatus(null, TicketStatus.NEW);

        assertThrows(IllegalArgumentException.class, () -> ResponseClocks.compute(
                List.of(created(UUID.randomUUID(), CREATED, 1, 1), other), POLICIES, CALENDARS, CREATED));
    }

    private static TicketEvent created(UUID eventId, Instant at, long sequence, int severity) {
        return TicketEvent.of(eventId, TICKET, TicketEventType.TICKET_CREATED, sequence, at, "TCK-2026-000042",
                "100001").withSeverity(Severity.ofLevel(severity)).withStatus(null, TicketStatus.NEW);
    }
}
