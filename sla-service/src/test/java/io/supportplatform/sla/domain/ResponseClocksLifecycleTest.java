package io.supportplatform.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.supportplatform.sla.domain.ClockTransition.Kind;
import io.supportplatform.sla.domain.TicketEvent.CallDirection;
import io.supportplatform.sla.domain.TicketEvent.PhoneTier;
import io.supportplatform.sla.domain.TicketEvent.Visibility;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every transition of the clock model, in the calendars of two regions (P8, P9, P13, P16.1). */
class ResponseClocksLifecycleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** EU-DE: Mon-Fri 08:00-18:00 Berlin time, German national holidays. */
    static final BusinessCalendar EU_DE = new BusinessCalendar(BERLIN,
            BusinessCalendar.mondayToFriday(OpeningHours.of("08:00", "18:00")), Set.of(),
            List.of(HolidayRule.on("01-01"), HolidayRule.GOOD_FRIDAY, HolidayRule.EASTER_MONDAY, HolidayRule.on("05-01"),
                    HolidayRule.ASCENSION_DAY, HolidayRule.WHIT_MONDAY, HolidayRule.on("10-03"), HolidayRule.on("12-25"),
                    HolidayRule.on("12-26")));
    /** US-EAST: Mon-Fri 09:00-17:00 New York time, with Thanksgiving. */
    static final BusinessCalendar US_EAST = new BusinessCalendar(NEW_YORK,
            BusinessCalendar.mondayToFriday(OpeningHours.of("09:00", "17:00")), Set.of(),
            List.of(HolidayRule.on("07-04"), HolidayRule.nthWeekday(Month.NOVEMBER, 4, DayOfWeek.THURSDAY)));
    static final RegionCalendars CALENDARS = new RegionCalendars(Map.of("EU-DE", EU_DE, "US-EAST", US_EAST), "EU-DE");

    /** The 2010 policy as V2/V11 seed it: responses 2/4/8/12 h 24/7 (P8, P9.3), S1 callback 1 h in business hours. */
    static final SlaPolicy POLICY_2010 = policy("2010-02-01", "2010-02-01T00:00:00Z", null, 2, 1);
    static final SlaPolicies POLICIES = new SlaPolicies(List.of(POLICY_2010));

    private static final Instant MONDAY_10_BERLIN = berlin("2026-11-30T10:00");

    // --- first response (P8) ---

    @Test
    void publicAgentReplyMeetsTheFirstResponseAndAnInternalNoteDoesNot() {
        Ticket ticket = new Ticket().created(MONDAY_10_BERLIN, 3)
                .agentReplied(MONDAY_10_BERLIN.plusSeconds(600), Visibility.INTERNAL);
        assertEquals(ClockState.RUNNING, ticket.clock(ClockType.FIRST_RESPONSE, 0).state());

        ResponseClock met = ticket.agentReplied(MONDAY_10_BERLIN.plusSeconds(3600), Visibility.PUBLIC)
                .clock(ClockType.FIRST_RESPONSE, 0);

        assertEquals(ClockState.MET, met.state());
        assertEquals(MONDAY_10_BERLIN.plusSeconds(3600), met.endedAt());
        assertEquals(Duration.ofHours(1), met.countedBefore());
        assertNull(met.deadline());
        assertNull(met.warningAt());
        assertNull(met.breachedAt());
        assertEquals(List.of(Kind.STARTED, Kind.MET), kinds(met));
    }

    @Test
    void warningFallsDueAtTheWarningShareOfTheTarget() { // 75 % of 8 h = 6 h
        ResponseClock clock = new Ticket().created(MONDAY_10_BERLIN, 3).clock(ClockType.FIRST_RESPONSE, 0);

        assertEquals(MONDAY_10_BERLIN.plus(Duration.ofHours(6)), clock.warningAt());
        assertEquals(MONDAY_10_BERLIN.plus(Duration.ofHours(8)), clock.deadline());
    }

    @Test
    void aReplyAfterTheDeadlineMeetsALateClockAndTheBreachStaysInItsHistory() {
        Instant deadline = MONDAY_10_BERLIN.plus(Duration.ofHours(2));
        ResponseClock late = new Ticket().created(MONDAY_10_BERLIN, 1)
                .agentReplied(deadline, Visibility.PUBLIC) // the deadline is the first instant of the breach
                .clock(ClockType.FIRST_RESPONSE, 0);

        assertEquals(ClockState.MET, late.state());
        assertEquals(deadline, late.breachedAt());
        assertEquals(List.of(Kind.STARTED, Kind.BREACHED, Kind.MET), kinds(late));
        assertTrue(late.isBreachedAt(deadline));

        ResponseClock inTime = new Ticket().created(MONDAY_10_BERLIN, 1)
                .agentReplied(deadline.minusMillis(1), Visibility.PUBLIC).clock(ClockType.FIRST_RESPONSE, 0);
        assertNull(inTime.breachedAt());
    }

    @Test
    void runningClockPastItsDeadlineIsShownBreachedWithTheBreachInItsHistory() {
        Ticket ticket = new Ticket().created(MONDAY_10_BERLIN, 2);
        Instant now = MONDAY_10_BERLIN.plus(Duration.ofHours(5));

        ResponseClock stored = ticket.clock(ClockType.FIRST_RESPONSE, 0);
        ResponseClock shown = stored.at(now);

        assertEquals(ClockState.RUNNING, stored.state()); // stored rows do not depend on when they were computed
        assertEquals(ClockState.BREACHED, shown.state());
        assertEquals(MONDAY_10_BERLIN.plus(Duration.ofHours(4)), shown.breachedAt());
        assertEquals(Duration.ofHours(-1), shown.remainingAt(now));
        assertEquals(List.of(Kind.STARTED, Kind.BREACHED), kinds(shown));
    }

    // --- next response (P9.3) ---

    @Test
    void customerReplyAfterASupportResponseStartsTheNextResponseWithTheSameTarget() {
        Ticket ticket = new Ticket().created(MONDAY_10_BERLIN, 2)
                .customerReplied(MONDAY_10_BERLIN.plusSeconds(60)) // before any support response: nothing new
                .agentReplied(MONDAY_10_BERLIN.plusSeconds(1800), Visibility.PUBLIC)
                .customerReplied(MONDAY_10_BERLIN.plusSeconds(3600))
                .customerReplied(MONDAY_10_BERLIN.plusSeconds(4000)); // still waiting for support: nothing new

        assertEquals(List.of("FIRST_RESPONSE#0:MET", "NEXT_RESPONSE#0:RUNNING"), ticket.summary());
        ResponseClock next = ticket.clock(ClockType.NEXT_RESPONSE, 0);
        assertEquals(MONDAY_10_BERLIN.plusSeconds(3600), next.startedAt());
        assertEquals(MONDAY_10_BERLIN.plusSeconds(3600).plus(Duration.ofHours(4)), next.deadline()); // P8.2

        ticket.agentReplied(MONDAY_10_BERLIN.plusSeconds(5000), Visibility.PUBLIC)
                .customerReplied(MONDAY_10_BERLIN.plusSeconds(6000));
        assertEquals(List.of("FIRST_RESPONSE#0:MET", "NEXT_RESPONSE#0:MET", "NEXT_RESPONSE#1:RUNNING"),
                ticket.summary());
    }

    // --- pause and resume (P9.2, P9.3) ---

    @Test
    void waitingForTheCustomerPausesAndTheCustomersReplyResumesKeepingTheCountedTime() {
        Ticket ticket = new Ticket().created(MONDAY_10_BERLIN, 3)
                .status(MONDAY_10_BERLIN.plus(Duration.ofHours(1)), TicketStatus.NEW, TicketStatus.OPEN)
                .status(MONDAY_10_BERLIN.plus(Duration.ofHours(2)), TicketStatus.OPEN, TicketStatus.WAITING_FOR_CUSTOMER);

        ResponseClock paused = ticket.clock(ClockType.FIRST_RESPONSE, 0);
        assertEquals(ClockState.PAUSED, paused.state());
        assertEquals(Duration.ofHours(2), paused.countedBefore());
        assertNull(paused.deadline());
        assertNull(paused.warningAt());
        assertEquals(Duration.ofHours(2), paused.elapsedAt(MONDAY_10_BERLIN.plus(Duration.ofDays(3)),
                BusinessCalendar.alwaysOpen()));
        assertEquals(Duration.ofHours(1), paused.pausedAt(MONDAY_10_BERLIN.plus(Duration.ofHours(3))));

        Instant resumed = MONDAY_10_BERLIN.plus(Duration.ofHours(26));
        ResponseClock running = ticket.customerReplied(resumed).clock(ClockType.FIRST_RESPONSE, 0);
        assertEquals(ClockState.RUNNING, running.state());
        assertEquals(resumed.plus(Duration.ofHours(6)), running.deadline()); // 8 h minus the 2 h counted
        assertEquals(resumed.plus(Duration.ofHours(4)), running.warningAt()); // 6 h minus 2 h
        assertEquals(Duration.ofHours(24), running.pausedAt(resumed.plusSeconds(60)));
        assertEquals(List.of(Kind.STARTED, Kind.PAUSED, Kind.RESUMED), kinds(running));
        // The reply ended the wait; ticket-service's own status change back to OPEN changes nothing more.
        assertEquals(running, ticket.status(resumed, TicketStatus.WAITING_FOR_CUSTOMER, TicketStatus.OPEN)
                .clock(ClockType.FIRST_RESPONSE, 0));
    }

    @Test
    void statusBackToOpenResumesToo() {
        Instant resumed = MONDAY_10_BERLIN.plus(Duration.ofHours(5));
        ResponseClock clock = new Ticket().created(MONDAY_10_BERLIN, 4)
                .status(MONDAY_10_BERLIN.plus(Duration.ofHours(3)), TicketStatus.NEW, TicketStatus.WAITING_FOR_CUSTOMER)
                .status(resumed, TicketStatus.WAITING_FOR_CUSTOMER, TicketStatus.OPEN)
                .clock(ClockType.FIRST_RESPONSE, 0);

        assertEquals(resumed.plus(Duration.ofHours(9)), clock.deadline()); // 12 h minus 3 h
    }

    @Test
    void aPauseDoesNotCountAndAClockThatRanOutBeforeItIsBreachedAtItsDeadline() {
        Instant deadline = MONDAY_10_BERLIN.plus(Duration.ofHours(2));
        ResponseClock clock = new Ticket().created(MONDAY_10_BERLIN, 1)
                .status(deadline.plusSeconds(60), TicketStatus.NEW, TicketStatus.WAITING_FOR_CUSTOMER)
                .clock(ClockType.FIRST_RESPONSE, 0);

        assertEquals(deadline, clock.breachedAt());
        assertEquals(List.of(Kind.STARTED, Kind.BREACHED, Kind.PAUSED), kinds(clock));
    }

    // --- stop and restart ---

    @Test
    void resolvingStopsEveryClockAndReopeningStartsANewCycle() {
        Instant reopened = MONDAY_10_BERLIN.plus(Duration.ofDays(2));
        Ticket ticket = new Ticket().created(MONDAY_10_BERLIN, 1)
                .status(MONDAY_10_BERLIN.plusSeconds(1200), TicketStatus.NEW, TicketStatus.RESOLVED)
                .customerReplied(MONDAY_10_BERLIN.plusSeconds(1300)); // on a resolved ticket: nothing by itself

        assertEquals(List.of("FIRST_RESPONSE#0:STOPPED", "TIER2_CALLBACK#0:STOPPED"), ticket.summary());

        ticket.status(reopened, TicketStatus.RESOLVED, TicketStatus.REOPENED);
        assertEquals(List.of("FIRST_RESPONSE#0:STOPPED", "NEXT_RESPONSE#0:RUNNING", "TIER2_CALLBACK#0:STOPPED",
                "TIER2_CALLBACK#1:RUNNING"), ticket.summary());
        assertEquals(reopened.plus(Duration.ofHours(2)), ticket.clock(ClockType.NEXT_RESPONSE, 0).deadline());

        ticket.status(reopened.plusSeconds(60), TicketStatus.REOPENED, TicketStatus.CLOSED);
        assertTrue(ticket.clocks().stream().noneMatch(clock -> clock.state().isActive()));
    }

    // --- severity changes: re-target keeping the time counted ---

    @Test
    void raisingTheSeverityKeepsTheTimeCountedAndCanBreachAtOnce() {
        Instant raised = MONDAY_10_BERLIN.plus(Duration.ofHours(3));
        ResponseClock clock = new Ticket().created(MONDAY_10_BERLIN, 3)
                .severity(raised, 1).clock(ClockType.FIRST_RESPONSE, 0);

        assertEquals(Severity.S1, clock.severity());
        assertEquals(Duration.ofHours(2), clock.target());
        assertEquals(Duration.ofHours(3), clock.countedBefore());
        assertEquals(raised, clock.deadline()); // 3 h counted of a 2 h target: due at once
        assertEquals(ClockState.BREACHED, clock.at(raised).state());
        assertEquals(List.of(Kind.STARTED, Kind.RETARGETED), kinds(clock));
    }

    @Test
    void loweringTheSeverityGivesMoreTimeFromTheTimeCounted() {
        Instant lowered = MONDAY_10_BERLIN.plus(Duration.ofHours(1));
        ResponseClock clock = new Ticket().created(MONDAY_10_BERLIN, 2)
                .severity(lowered, 4).clock(ClockType.FIRST_RESPONSE, 0);

        assertEquals(lowered.plus(Duration.ofHours(11)), clock.deadline());
        assertEquals(lowered.plus(Duration.ofHours(8)), clock.warningAt()); // 9 h of 12 h, 1 h counted
    }

    @Test
    void severityChangeWhilePausedRetargetsAndTheResumedClockCountsOn() {
        Instant paused = MONDAY_10_BERLIN.plus(Duration.ofHours(1));
        Instant resumed = MONDAY_10_BERLIN.plus(Duration.ofHours(10));
        Ticket ticket = new Ticket().created(MONDAY_10_BERLIN, 4)
                .status(paused, TicketStatus.NEW, TicketStatus.WAITING_FOR_CUSTOMER)
                .severity(MONDAY_10_BERLIN.plus(Duration.ofHours(5)), 2);

        ResponseClock whilePaused = ticket.clock(ClockType.FIRST_RESPONSE, 0);
        assertEquals(ClockState.PAUSED, whilePaused.state());
        assertEquals(Duration.ofHours(4), whilePaused.target());
        assertEquals(Duration.ofHours(1), whilePaused.countedBefore());

        ResponseClock after = ticket.customerReplied(resumed).clock(ClockType.FIRST_RESPONSE, 0);
        assertEquals(resumed.plus(Duration.ofHours(3)), after.deadline());
        assertEquals(List.of(Kind.STARTED, Kind.PAUSED, Kind.RETARGETED, Kind.RESUMED), kinds(after));
        assertEquals(Duration.ofHours(9), after.pausedAt(resumed.plusSeconds(1))); // the re-target is no resume
    }

    @Test
    void losingSeverityOneStopsTheCallbackAndRegainingItStartsANewOne() { // P8.1
        Ticket ticket = new Ticket().created(MONDAY_10_BERLIN, 1)
                .severity(MONDAY_10_BERLIN.plusSeconds(600), 2);
        assertEquals(List.of("FIRST_RESPONSE#0:RUNNING", "TIER2_CALLBACK#0:STOPPED"), ticket.summary());

        ticket.severity(MONDAY_10_BERLIN.plusSeconds(1200), 1);
        assertEquals(List.of("FIRST_RESPONSE#0:RUNNING", "TIER2_CALLBACK#0:STOPPED", "TIER2_CALLBACK#1:RUNNING"),
                ticket.summary());
        assertEquals(MONDAY_10_BERLIN.plusSeconds(1200).plus(Duration.ofHours(1)),
                ticket.clock(ClockType.TIER2_CALLBACK, 1).deadline());
    }

    @Test
    void gainingSeverityOneAfterATier2CallStartsNoCallbackAndWhileWaitingStartsItPaused() {
        Ticket called = new Ticket().created(MONDAY_10_BERLIN, 2)
                .call(MONDAY_10_BERLIN.plusSeconds(300), PhoneTier.TIER2, CallDirection.OUTBOUND)
                .severity(MONDAY_10_BERLIN.plusSeconds(600), 1);
        assertEquals(List.of("FIRST_RESPONSE#0:RUNNING"), called.summary());

        Ticket waiting = new Ticket().created(MONDAY_10_BERLIN, 2)
                .status(MONDAY_10_BERLIN.plusSeconds(300), TicketStatus.NEW, TicketStatus.WAITING_FOR_CUSTOMER)
                .severity(MONDAY_10_BERLIN.plusSeconds(600), 1);
        assertEquals(List.of("FIRST_RESPONSE#0:PAUSED", "TIER2_CALLBACK#0:PAUSED"), waiting.summary());
    }

    // --- Tier-2 callback (P8.1, P4) ---

    @Test
    void onlyAnOutboundTier2CallMeetsTheCallback() {
        Ticket ticket = new Ticket().created(MONDAY_10_BERLIN, 1)
                .call(MONDAY_10_BERLIN.plusSeconds(60), PhoneTier.TIER2, CallDirection.INBOUND) // P4.3
                .call(MONDAY_10_BERLIN.plusSeconds(120), PhoneTier.TIER1, CallDirection.OUTBOUND)
                .agentReplied(MONDAY_10_BERLIN.plusSeconds(180), Visibility.PUBLIC);
        assertEquals(List.of("FIRST_RESPONSE#0:MET", "TIER2_CALLBACK#0:RUNNING"), ticket.summary());

        ResponseClock callback = ticket.call(MONDAY_10_BERLIN.plusSeconds(2400), PhoneTier.TIER2, CallDirection.OUTBOUND)
                .clock(ClockType.TIER2_CALLBACK, 0);
        assertEquals(ClockState.MET, callback.state());
        assertEquals(Duration.ofMinutes(40), callback.countedBefore());
    }

    @Test
    void callbackOfATicketFiledOnSaturdayIsDueOneBusinessHourIntoMonday() {
        ResponseClock callback = new Ticket().created(berlin("2026-11-28T11:00"), 1).clock(ClockType.TIER2_CALLBACK, 0);

        assertEquals("EU-DE", callback.calendarRegion());
        assertEquals(berlin("2026-11-30T09:00"), callback.deadline());
        assertEquals(berlin("2026-11-30T08:45"), callback.warningAt());
        // The response itself is counted 24/7 (P8.1 names business hours for the phone contact only).
        assertEquals(berlin("2026-11-28T13:00"), new Ticket().created(berlin("2026-11-28T11:00"), 1)
                .clock(ClockType.FIRST_RESPONSE, 0).deadline());
    }

    // --- calendars: daylight saving, holidays, regions ---

    @Test
    void callbackOverTheSpringForwardWeekend() { // clocks go forward on Sunday 29 March 2026 in Berlin
        ResponseClock callback = new Ticket().created(berlin("2026-03-27T17:30"), 1).clock(ClockType.TIER2_CALLBACK, 0);

        assertEquals(berlin("2026-03-30T08:30"), callback.deadline());
        assertEquals(Instant.parse("2026-03-30T06:30:00Z"), callback.deadline());
        assertEquals(Instant.parse("2026-03-27T16:30:00Z").plus(Duration.ofHours(2)),
                new Ticket().created(berlin("2026-03-27T17:30"), 1).clock(ClockType.FIRST_RESPONSE, 0).deadline());
    }

    @Test
    void callbackOverTheFallBackWeekendWithAPauseAcrossIt() { // clocks go back on Sunday 25 October 2026
        Ticket ticket = new Ticket().created(berlin("2026-10-23T17:40"), 1)
                .status(berlin("2026-10-23T17:50"), TicketStatus.NEW, TicketStatus.WAITING_FOR_CUSTOMER)
                .customerReplied(berlin("2026-10-26T09:00"));

        ResponseClock callback = ticket.clock(ClockType.TIER2_CALLBACK, 0);
        assertEquals(Duration.ofMinutes(10), callback.countedBefore());
        assertEquals(berlin("2026-10-26T09:50"), callback.deadline());
        assertEquals(Instant.parse("2026-10-26T08:50:00Z"), callback.deadline());
    }

    @Test
    void callbackSkipsEasterAndChristmasHolidays() {
        assertEquals(berlin("2026-04-07T08:30"), new Ticket().created(berlin("2026-04-02T17:30"), 1)
                .clock(ClockType.TIER2_CALLBACK, 0).deadline()); // Good Friday and Easter Monday closed
        assertEquals(berlin("2026-12-28T08:30"), new Ticket().created(berlin("2026-12-24T17:30"), 1)
                .clock(ClockType.TIER2_CALLBACK, 0).deadline()); // 25 and 26 December closed
    }

    @Test
    void ticketsCountInTheirRegionsCalendarAndUnknownRegionsInTheDefaultOne() {
        Instant wednesdayEvening = Instant.parse("2026-11-25T21:30:00Z"); // 16:30 in New York, 22:30 in Berlin
        ResponseClock us = new Ticket().created(wednesdayEvening, 1, "us-east").clock(ClockType.TIER2_CALLBACK, 0);
        assertEquals("US-EAST", us.calendarRegion());
        // 30 min on Wednesday, Thanksgiving closed, 30 min on Friday from 09:00 New York time
        assertEquals(LocalDateTime.parse("2026-11-27T09:30").atZone(NEW_YORK).toInstant(), us.deadline());

        ResponseClock unknown = new Ticket().created(wednesdayEvening, 1, "MARS").clock(ClockType.TIER2_CALLBACK, 0);
        assertEquals("EU-DE", unknown.calendarRegion());
        assertEquals(berlin("2026-11-26T09:00"), unknown.deadline());
    }

    // --- policy versions (P16.1) ---

    @Test
    void aTicketKeepsThePolicyVersionItWasFiledUnderForLaterClocks() {
        SlaPolicy stricter = policy("2027-01-01", "2027-01-01T00:00:00Z", null, 1, 1);
        Ticket ticket = new Ticket(new SlaPolicies(List.of(POLICY_2010, stricter)))
                .created(berlin("2026-12-31T10:00"), 3)
                .agentReplied(berlin("2026-12-31T11:00"), Visibility.PUBLIC)
                .customerReplied(berlin("2027-01-04T10:00"));

        ResponseClock next = ticket.clock(ClockType.NEXT_RESPONSE, 0);
        assertEquals("2010-02-01", next.policyVersion());
        assertEquals(Duration.ofHours(8), next.target());
    }

    @Test
    void anAccountsOwnPolicyVersionTakesPrecedence() {
        SlaPolicy premium = policy("premium-100001", "2026-01-01T00:00:00Z", "100001", 1, 1);
        SlaPolicies policies = new SlaPolicies(List.of(POLICY_2010, premium));

        ResponseClock own = new Ticket(policies).created(MONDAY_10_BERLIN, 2).clock(ClockType.FIRST_RESPONSE, 0);
        assertEquals("premium-100001", own.policyVersion());
        assertEquals(Duration.ofHours(2), own.target()); // half the general 4 h

        ResponseClock other = new Ticket(policies, "100002").created(MONDAY_10_BERLIN, 2)
                .clock(ClockType.FIRST_RESPONSE, 0);
        assertEquals("2010-02-01", other.policyVersion());
    }

    // --- order and duplicates ---

    @Test
    void anyArrivalOrderAndDuplicatesGiveTheSameClocks() {
        Ticket ticket = new Ticket().created(MONDAY_10_BERLIN, 2)
                .agentReplied(MONDAY_10_BERLIN.plusSeconds(600), Visibility.INTERNAL)
                .status(MONDAY_10_BERLIN.plusSeconds(700), TicketStatus.NEW, TicketStatus.OPEN)
                .agentReplied(MONDAY_10_BERLIN.plusSeconds(900), Visibility.PUBLIC)
                .status(MONDAY_10_BERLIN.plusSeconds(900), TicketStatus.OPEN, TicketStatus.WAITING_FOR_CUSTOMER)
                .severity(MONDAY_10_BERLIN.plusSeconds(1000), 1)
                .customerReplied(MONDAY_10_BERLIN.plusSeconds(5000))
                .status(MONDAY_10_BERLIN.plusSeconds(5000), TicketStatus.WAITING_FOR_CUSTOMER, TicketStatus.OPEN)
                .call(MONDAY_10_BERLIN.plusSeconds(6000), PhoneTier.TIER2, CallDirection.OUTBOUND)
                .escalation(MONDAY_10_BERLIN.plusSeconds(6500))
                .status(MONDAY_10_BERLIN.plusSeconds(90000), TicketStatus.OPEN, TicketStatus.RESOLVED)
                .status(MONDAY_10_BERLIN.plusSeconds(95000), TicketStatus.RESOLVED, TicketStatus.REOPENED);
        List<ResponseClock> expected = ticket.clocks();
        assertEquals(List.of("FIRST_RESPONSE#0:MET", "NEXT_RESPONSE#0:STOPPED", "NEXT_RESPONSE#1:RUNNING",
                "TIER2_CALLBACK#0:MET", "TIER2_CALLBACK#1:RUNNING"), ticket.summary());

        List<TicketEvent> shuffled = new ArrayList<>(ticket.events);
        shuffled.addAll(ticket.events.subList(0, 5)); // redelivered
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            Collections.shuffle(shuffled, random);
            assertEquals(expected, ResponseClocks.compute(shuffled, POLICIES, CALENDARS), "order " + i);
        }
    }

    @Test
    void eventsBeforeTheTicketWasCreatedAndTicketsWithoutCreationGiveNoClocks() {
        Ticket ticket = new Ticket().agentReplied(MONDAY_10_BERLIN, Visibility.PUBLIC);
        assertTrue(ticket.clocks().isEmpty()); // ticket-created not yet received

        ticket.created(MONDAY_10_BERLIN.plusSeconds(1), 3);
        assertEquals(List.of("FIRST_RESPONSE#0:RUNNING"), ticket.summary());
    }

    // --- helpers ---

    private static List<Kind> kinds(ResponseClock clock) {
        return clock.history().stream().map(ClockTransition::kind).toList();
    }

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    /** Responses in {@code responseHours} per severity level (S1 = that, S2 double...), S1 callback in business hours. */
    static SlaPolicy policy(String version, String effectiveFrom, String systemId, int s1ResponseHours,
            int callbackHours) {
        Map<Severity, SlaTarget> responses = new EnumMap<>(Severity.class);
        int[] hours = {s1ResponseHours, 2 * s1ResponseHours, 4 * s1ResponseHours, 6 * s1ResponseHours};
        for (Severity severity : Severity.values()) {
            responses.put(severity, SlaTarget.aroundTheClock(Duration.ofHours(hours[severity.level() - 1])));
        }
        return new SlaPolicy(version, Instant.parse(effectiveFrom), systemId, version,
                Map.of(ClockType.FIRST_RESPONSE, responses, ClockType.NEXT_RESPONSE, responses,
                        ClockType.TIER2_CALLBACK, Map.of(Severity.S1,
                                SlaTarget.inBusinessHours(Duration.ofHours(callbackHours)))),
                SlaPolicy.DEFAULT_WARNING_SHARE, SlaPolicy.DEFAULT_ESCALATION_LEVELS);
    }

    /** One ticket's events, written in the ticket's words. */
    static final class Ticket {
        final UUID id = UUID.randomUUID();
        final List<TicketEvent> events = new ArrayList<>();
        private final SlaPolicies policies;
        private final String systemId;
        private long sequence = 1;

        Ticket() {
            this(POLICIES);
        }

        Ticket(SlaPolicies policies) {
            this(policies, "100001");
        }

        Ticket(SlaPolicies policies, String systemId) {
            this.policies = policies;
            this.systemId = systemId;
        }

        Ticket created(Instant at, int severity) {
            return created(at, severity, null);
        }

        Ticket created(Instant at, int severity, String region) {
            return add(event(TicketEventType.TICKET_CREATED, at).withSeverity(Severity.ofLevel(severity))
                    .withStatus(null, TicketStatus.NEW).withRegion(region));
        }

        Ticket agentReplied(Instant at, Visibility visibility) {
            return add(event(TicketEventType.AGENT_REPLIED, at).withVisibility(visibility));
        }

        Ticket customerReplied(Instant at) {
            return add(event(TicketEventType.CUSTOMER_REPLIED, at));
        }

        Ticket status(Instant at, TicketStatus from, TicketStatus to) {
            return add(event(TicketEventType.TICKET_STATUS_CHANGED, at).withStatus(from, to));
        }

        Ticket severity(Instant at, int to) {
            return add(event(TicketEventType.TICKET_SEVERITY_CHANGED, at).withSeverity(Severity.ofLevel(to)));
        }

        Ticket call(Instant at, PhoneTier tier, CallDirection direction) {
            return add(event(TicketEventType.PHONE_CONTACT_LOGGED, at).withCall(tier, direction));
        }

        Ticket escalation(Instant at) {
            return add(event(TicketEventType.ESCALATION_REQUESTED, at)
                    .withEscalationKind(TicketEvent.EscalationKind.ESCALATION));
        }

        List<ResponseClock> clocks() {
            return ResponseClocks.compute(events, policies, CALENDARS);
        }

        ResponseClock clock(ClockType type, int cycle) {
            return clocks().stream().filter(clock -> clock.type() == type && clock.cycle() == cycle).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type + " #" + cycle + " in " + summary()));
        }

        /** type#cycle:state of each clock, by type and cycle. */
        List<String> summary() {
            return clocks().stream()
                    .sorted((a, b) -> a.type() != b.type() ? a.type().compareTo(b.type()) : Integer.compare(a.cycle(), b.cycle()))
                    .map(clock -> clock.type() + "#" + clock.cycle() + ":" + clock.state()).toList();
        }

        private TicketEvent event(TicketEventType type, Instant at) {
            return TicketEvent.of(UUID.randomUUID(), id, type, sequence++, at, "TCK-2026-000042", systemId);
        }

        private Ticket add(TicketEvent event) {
            events.add(event);
            return this;
        }
    }
}
