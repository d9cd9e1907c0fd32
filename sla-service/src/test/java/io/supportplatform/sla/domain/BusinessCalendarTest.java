package io.supportplatform.sla.domain;

import static io.supportplatform.sla.domain.BusinessCalendar.mondayToFriday;
import static io.supportplatform.sla.domain.BusinessCalendar.wholeWeek;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final List<HolidayRule> GERMAN_HOLIDAYS = List.of(HolidayRule.on("01-01"), HolidayRule.GOOD_FRIDAY,
            HolidayRule.EASTER_MONDAY, HolidayRule.ASCENSION_DAY, HolidayRule.WHIT_MONDAY, HolidayRule.on("12-25"),
            HolidayRule.on("12-26"));
    private static final LocalDate COMPANY_DAY = LocalDate.of(2026, 6, 15);

    /** Regional business hours of the Tier-2 network in Germany (P8.1). */
    private static final BusinessCalendar BERLIN_OFFICE = new BusinessCalendar(BERLIN,
            mondayToFriday(OpeningHours.of("08:00", "18:00")), Set.of(COMPANY_DAY), GERMAN_HOLIDAYS);
    /** A desk open every day, so the Sunday clock changes fall into its hours. */
    private static final BusinessCalendar BERLIN_DAILY = new BusinessCalendar(BERLIN,
            wholeWeek(OpeningHours.of("08:00", "18:00")), Set.of(), List.of());
    private static final BusinessCalendar NEW_YORK_DAILY = new BusinessCalendar(NEW_YORK,
            wholeWeek(OpeningHours.of("09:00", "17:00")), Set.of(), List.of());
    private static final BusinessCalendar LUNCH_BREAK = new BusinessCalendar(BERLIN,
            mondayToFriday(OpeningHours.of("08:00", "12:00"), OpeningHours.of("13:00", "17:00")), Set.of(), List.of());

    // --- within hours, nights, weekends ---

    @Test
    void tier2CallbackWithinTheSameBusinessDay() { // P8.1: 1 h within regional business hours
        assertEquals(berlin("2026-11-30T10:15"), BERLIN_OFFICE.addBusinessTime(berlin("2026-11-30T09:15"), Duration.ofHours(1)));
    }

    @Test
    void targetRunsOverTheNight() {
        assertEquals(berlin("2026-12-01T09:00"), BERLIN_OFFICE.addBusinessTime(berlin("2026-11-30T17:00"), Duration.ofHours(2)));
    }

    @Test
    void targetRunsOverTheWeekend() { // S2, 4 h (P8.2) counted in business hours
        assertEquals(berlin("2026-11-30T11:00"), BERLIN_OFFICE.addBusinessTime(berlin("2026-11-27T17:00"), Duration.ofHours(4)));
    }

    @Test
    void callbackRequestedAfterHoursOnFridayIsDueMondayMorning() { // P8.1
        assertEquals(berlin("2026-11-30T09:00"), BERLIN_OFFICE.addBusinessTime(berlin("2026-11-27T18:30"), Duration.ofHours(1)));
    }

    @ParameterizedTest(name = "start {0} counts from 08:00 on 2026-12-01")
    @ValueSource(strings = {"2026-12-01T06:00", "2026-11-30T18:00", "2026-11-30T22:30", "2026-12-01T00:00"})
    void startOutsideHoursCountsFromTheNextOpening(String start) {
        assertEquals(berlin("2026-12-01T10:00"), BERLIN_OFFICE.addBusinessTime(berlin(start), Duration.ofHours(2)));
    }

    @Test
    void startExactlyAtOpeningUsesTheWholeDayAndEndsAtClosing() {
        assertEquals(berlin("2026-11-30T18:00"), BERLIN_OFFICE.addBusinessTime(berlin("2026-11-30T08:00"), Duration.ofHours(10)));
        assertEquals(berlin("2026-12-01T08:01"),
                BERLIN_OFFICE.addBusinessTime(berlin("2026-11-30T08:00"), Duration.ofHours(10).plusMinutes(1)));
    }

    @Test
    void deadlineThatUsesUpTheDayFallsOnClosingNotNextOpening() {
        assertEquals(berlin("2026-11-30T18:00"), BERLIN_OFFICE.addBusinessTime(berlin("2026-11-30T16:00"), Duration.ofHours(2)));
    }

    @Test
    void zeroTargetIsDueAtOnceEvenWhenClosed() {
        Instant saturday = berlin("2026-11-28T11:00");
        assertEquals(saturday, BERLIN_OFFICE.addBusinessTime(saturday, Duration.ZERO));
        assertEquals(berlin("2026-11-30T08:00").plusNanos(1), BERLIN_OFFICE.addBusinessTime(saturday, Duration.ofNanos(1)));
    }

    @Test
    void negativeAmountIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> BERLIN_OFFICE.addBusinessTime(berlin("2026-11-30T08:00"), Duration.ofMinutes(-1)));
    }

    // --- split days ---

    @Test
    void lunchBreakIsNotCounted() {
        Instant monday11 = berlin("2026-11-30T11:00");
        assertEquals(berlin("2026-11-30T14:00"), LUNCH_BREAK.addBusinessTime(monday11, Duration.ofHours(2)));
        assertEquals(berlin("2026-11-30T12:00"), LUNCH_BREAK.addBusinessTime(monday11, Duration.ofHours(1)));
        assertEquals(berlin("2026-11-30T14:00"), LUNCH_BREAK.addBusinessTime(berlin("2026-11-30T12:30"), Duration.ofHours(1)));
        assertEquals(berlin("2026-12-01T09:00"), LUNCH_BREAK.addBusinessTime(monday11, Duration.ofHours(6)));
        assertEquals(Duration.ofHours(8), LUNCH_BREAK.businessTimeBetween(berlin("2026-11-30T00:00"), berlin("2026-12-01T00:00")));
    }

    @Test
    void openingHoursMayBeGivenInAnyOrder() {
        BusinessCalendar reversed = new BusinessCalendar(BERLIN,
                mondayToFriday(OpeningHours.of("13:00", "17:00"), OpeningHours.of("08:00", "12:00")), Set.of(), List.of());
        assertEquals(LUNCH_BREAK, reversed);
        assertEquals(berlin("2026-11-30T14:00"), reversed.addBusinessTime(berlin("2026-11-30T11:00"), Duration.ofHours(2)));
    }

    // --- holidays ---

    @Test
    void christmasHolidaysAreSkipped() { // 24 Dec 2026 is a Thursday; 25 and 26 closed, then the weekend
        assertEquals(berlin("2026-12-28T09:00"), BERLIN_OFFICE.addBusinessTime(berlin("2026-12-24T17:00"), Duration.ofHours(2)));
    }

    @Test
    void easterHolidaysAreSkipped() { // Easter 2026 = 5 April: Good Friday 3 April, Easter Monday 6 April
        assertEquals(berlin("2026-04-07T09:00"), BERLIN_OFFICE.addBusinessTime(berlin("2026-04-02T17:00"), Duration.ofHours(2)));
        // Easter 2027 = 28 March: Good Friday 26 March, Easter Monday 29 March
        assertEquals(berlin("2027-03-30T09:00"), BERLIN_OFFICE.addBusinessTime(berlin("2027-03-25T17:00"), Duration.ofHours(2)));
    }

    @Test
    void ascensionAndWhitMondayAreSkipped() {
        assertEquals(berlin("2026-05-15T09:00"), BERLIN_OFFICE.addBusinessTime(berlin("2026-05-13T17:00"), Duration.ofHours(2)));
        assertEquals(berlin("2026-05-26T09:00"), BERLIN_OFFICE.addBusinessTime(berlin("2026-05-22T17:00"), Duration.ofHours(2)));
    }

    @Test
    void singleClosedDateIsSkippedOnlyThatYear() {
        assertTrue(BERLIN_OFFICE.isHoliday(COMPANY_DAY));
        assertFalse(BERLIN_OFFICE.isHoliday(LocalDate.of(2027, 6, 15)));
        assertEquals(berlin("2026-06-16T09:00"), BERLIN_OFFICE.addBusinessTime(berlin("2026-06-12T17:00"), Duration.ofHours(2)));
        assertEquals(berlin("2027-06-15T09:00"), BERLIN_OFFICE.addBusinessTime(berlin("2027-06-14T17:00"), Duration.ofHours(2)));
    }

    @Test
    void holidayCountsNothingBetweenTwoInstants() {
        assertEquals(Duration.ofHours(2), BERLIN_OFFICE.businessTimeBetween(berlin("2026-04-02T17:00"), berlin("2026-04-07T09:00")));
    }

    // --- daylight saving: opening hours follow the wall clock ---

    @Test
    void berlinSpringForwardDayStillOpensAt8AndClosesAt18() { // 29 March 2026, 02:00 -> 03:00
        assertEquals(berlin("2026-03-29T10:00"), BERLIN_DAILY.addBusinessTime(berlin("2026-03-28T17:00"), Duration.ofHours(3)));
        assertEquals(Instant.parse("2026-03-29T08:00:00Z"), berlin("2026-03-29T10:00"));
        assertEquals(Duration.ofHours(10), BERLIN_DAILY.businessTimeBetween(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")));
    }

    @Test
    void berlinFallBackDayStillOpensAt8AndClosesAt18() { // 25 October 2026, 03:00 -> 02:00
        assertEquals(berlin("2026-10-25T10:00"), BERLIN_DAILY.addBusinessTime(berlin("2026-10-24T17:00"), Duration.ofHours(3)));
        assertEquals(Instant.parse("2026-10-25T09:00:00Z"), berlin("2026-10-25T10:00"));
        assertEquals(Duration.ofHours(10), BERLIN_DAILY.businessTimeBetween(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")));
    }

    @Test
    void weekendWithBerlinClockChangeCountsWallClockHours() {
        // Friday 17:00 CET to Monday 09:00 CEST is 63 h elapsed, but exactly 2 business hours.
        Instant friday = berlin("2026-03-27T17:00");
        Instant monday = BERLIN_OFFICE.addBusinessTime(friday, Duration.ofHours(2));
        assertEquals(berlin("2026-03-30T09:00"), monday);
        assertEquals(Duration.ofHours(63), Duration.between(friday, monday));
        assertEquals(berlin("2026-10-26T09:00"), BERLIN_OFFICE.addBusinessTime(berlin("2026-10-23T17:00"), Duration.ofHours(2)));
    }

    @Test
    void newYorkSpringForwardDayStillOpensAt9AndClosesAt17() { // 8 March 2026, 02:00 -> 03:00
        assertEquals(newYork("2026-03-08T11:00"), NEW_YORK_DAILY.addBusinessTime(newYork("2026-03-07T16:00"), Duration.ofHours(3)));
        assertEquals(Instant.parse("2026-03-08T15:00:00Z"), newYork("2026-03-08T11:00"));
        assertEquals(Duration.ofHours(8), NEW_YORK_DAILY.businessTimeBetween(newYork("2026-03-08T00:00"), newYork("2026-03-09T00:00")));
    }

    @Test
    void newYorkFallBackDayStillOpensAt9AndClosesAt17() { // 1 November 2026, 02:00 -> 01:00
        assertEquals(newYork("2026-11-01T11:00"), NEW_YORK_DAILY.addBusinessTime(newYork("2026-10-31T16:00"), Duration.ofHours(3)));
        assertEquals(Instant.parse("2026-11-01T16:00:00Z"), newYork("2026-11-01T11:00"));
        assertEquals(Duration.ofHours(8), NEW_YORK_DAILY.businessTimeBetween(newYork("2026-11-01T00:00"), newYork("2026-11-02T00:00")));
    }

    @ParameterizedTest(name = "{0} on {1}: night shift 00:00-04:00 counts {2} h")
    @CsvSource({"Europe/Berlin, 2026-03-29, 3", "Europe/Berlin, 2026-10-25, 5", "Europe/Berlin, 2026-03-28, 4",
            "America/New_York, 2026-03-08, 3", "America/New_York, 2026-11-01, 5"})
    void hoursThatSpanTheClockChangeGainOrLoseAnHour(ZoneId zone, LocalDate day, int hours) {
        BusinessCalendar nightShift = new BusinessCalendar(zone, wholeWeek(OpeningHours.of("00:00", "04:00")), Set.of(), List.of());
        Instant midnight = day.atStartOfDay(zone).toInstant();
        Instant nextMidnight = day.plusDays(1).atStartOfDay(zone).toInstant();

        assertEquals(Duration.ofHours(hours), nightShift.businessTimeBetween(midnight, nextMidnight));
        assertEquals(midnight.plus(Duration.ofHours(hours)), nightShift.addBusinessTime(midnight, Duration.ofHours(hours)));
    }

    @Test
    void openingTimeSkippedByTheClockChangeOpensWhenTheClockJumps() {
        BusinessCalendar opensAt0230 = new BusinessCalendar(BERLIN, wholeWeek(OpeningHours.of("02:30", "06:00")), Set.of(), List.of());
        // On 29 March 2026 02:30 does not exist: the desk opens at 03:00 CEST (01:00Z) and counts 3 h.
        assertEquals(Instant.parse("2026-03-29T02:00:00Z"),
                opensAt0230.addBusinessTime(berlin("2026-03-29T00:00"), Duration.ofHours(1)));
        assertEquals(Duration.ofHours(3), opensAt0230.businessTimeBetween(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")));
    }

    // --- 24/7 ---

    @Test
    void alwaysOpenIsPlainAddition() {
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(3 * 365 * 86_400));
            Duration amount = Duration.ofSeconds(random.nextInt(90 * 86_400));
            assertEquals(start.plus(amount), BusinessCalendar.alwaysOpen().addBusinessTime(start, amount));
            assertEquals(amount, BusinessCalendar.alwaysOpen().businessTimeBetween(start, start.plus(amount)));
        }
    }

    @Test
    void roundTheClockInAZoneWithClockChangesIsPlainAddition() {
        // A distant closed date keeps the general counting path in use; both 2026 clock changes lie in between.
        BusinessCalendar roundTheClock = new BusinessCalendar(BERLIN, wholeWeek(OpeningHours.of("00:00", "24:00")),
                Set.of(LocalDate.of(2030, 1, 1)), List.of());
        Instant start = berlin("2026-01-02T13:17");
        for (Duration amount : List.of(Duration.ofHours(2), Duration.ofDays(100), Duration.ofDays(300), Duration.ofHours(2000))) {
            assertEquals(start.plus(amount), roundTheClock.addBusinessTime(start, amount), amount.toString());
            assertEquals(amount, roundTheClock.businessTimeBetween(start, start.plus(amount)), amount.toString());
        }
    }

    // --- inverse and large amounts ---

    @ParameterizedTest(name = "round trip in {0}")
    @ValueSource(strings = {"office", "daily", "newYork", "lunch", "alwaysOpen"})
    void businessTimeBetweenIsTheInverseOfAdding(String name) {
        BusinessCalendar calendar = Map.of("office", BERLIN_OFFICE, "daily", BERLIN_DAILY, "newYork", NEW_YORK_DAILY,
                "lunch", LUNCH_BREAK, "alwaysOpen", BusinessCalendar.alwaysOpen()).get(name);
        Random random = new Random(name.hashCode());
        for (int i = 0; i < 2000; i++) {
            Instant start = Instant.parse("2025-12-01T00:00:00Z").plusSeconds(random.nextInt(2 * 365 * 86_400));
            Duration amount = Duration.ofSeconds(random.nextInt(i % 2 == 0 ? 40 * 3600 : 3000 * 3600));
            Instant deadline = calendar.addBusinessTime(start, amount);
            assertEquals(amount, calendar.businessTimeBetween(start, deadline), start + " + " + amount);
            assertEquals(amount.negated(), calendar.businessTimeBetween(deadline, start));
        }
    }

    @Test
    void twoThousandBusinessHoursAreComputedQuickly() {
        Instant start = berlin("2026-01-05T08:00");
        Instant deadline = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            Instant last = null;
            for (int i = 0; i < 1000; i++) {
                last = BERLIN_OFFICE.addBusinessTime(start, Duration.ofHours(2000));
            }
            return last;
        });
        // 200 business days of 10 h: 41 weeks of weekdays less Good Friday, Easter Monday, Ascension Day,
        // Whit Monday and the company day, so the last is Friday 16 October.
        assertEquals(Duration.ofHours(2000), BERLIN_OFFICE.businessTimeBetween(start, deadline));
        assertEquals(berlin("2026-10-16T18:00"), deadline);
        Duration tenYears = Duration.ofHours(25_000);
        Instant far = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> BERLIN_OFFICE.addBusinessTime(start, tenYears));
        assertEquals(tenYears, BERLIN_OFFICE.businessTimeBetween(start, far));
    }

    @Test
    void businessTimeBetweenSameInstantIsZero() {
        Instant t = berlin("2026-11-30T09:00");
        assertEquals(Duration.ZERO, BERLIN_OFFICE.businessTimeBetween(t, t));
    }

    @Test
    void openAtFollowsHoursAndHolidays() {
        assertTrue(BERLIN_OFFICE.isOpenAt(berlin("2026-11-30T08:00")));
        assertFalse(BERLIN_OFFICE.isOpenAt(berlin("2026-11-30T18:00")));
        assertFalse(BERLIN_OFFICE.isOpenAt(berlin("2026-12-25T10:00")));
        assertFalse(LUNCH_BREAK.isOpenAt(berlin("2026-11-30T12:30")));
    }

    // --- invalid calendars ---

    @Test
    void overlappingOpeningHoursAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BusinessCalendar(BERLIN,
                mondayToFriday(OpeningHours.of("08:00", "12:00"), OpeningHours.of("11:00", "17:00")), Set.of(), List.of()));
        assertTrue(e.getMessage().contains("overlap") && e.getMessage().contains("08:00-12:00"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BusinessCalendar(BERLIN,
                mondayToFriday(OpeningHours.of("20:00", "24:00"), OpeningHours.of("22:00", "23:00")), Set.of(), List.of()));
    }

    @Test
    void adjoiningOpeningHoursAreAccepted() {
        BusinessCalendar adjoining = new BusinessCalendar(BERLIN,
                mondayToFriday(OpeningHours.of("08:00", "12:00"), OpeningHours.of("12:00", "18:00")), Set.of(), List.of());
        assertEquals(berlin("2026-11-30T13:00"), adjoining.addBusinessTime(berlin("2026-11-30T11:00"), Duration.ofHours(2)));
    }

    @ParameterizedTest(name = "{0}-{1} is rejected")
    @CsvSource({"18:00, 08:00", "08:00, 08:00", "23:00, 01:00"})
    void invertedOrEmptyOpeningHoursAreRejected(String opens, String closes) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpeningHours.of(opens, closes));
        assertTrue(e.getMessage().contains("inverted"), e.getMessage());
    }

    @Test
    void calendarWithoutAnyOpeningHoursIsRejected() {
        Map<DayOfWeek, List<OpeningHours>> closed = new EnumMap<>(DayOfWeek.class);
        closed.put(DayOfWeek.MONDAY, List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BusinessCalendar(BERLIN, closed, Set.of(), List.of()));
        assertTrue(e.getMessage().contains("at least one day"), e.getMessage());
    }

    @Test
    void calendarWhoseHolidaysCloseEveryDayFailsInsteadOfLoopingForever() {
        List<HolidayRule> everyDay = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2028, 1, 1); day.getYear() == 2028; day = day.plusDays(1)) {
            everyDay.add(HolidayRule.on(MonthDay.from(day)));
        }
        BusinessCalendar neverOpen = new BusinessCalendar(BERLIN, mondayToFriday(OpeningHours.of("08:00", "18:00")), Set.of(),
                everyDay);
        for (Duration amount : List.of(Duration.ofHours(1), Duration.ofHours(2000))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> assertTimeoutPreemptively(
                    Duration.ofSeconds(5), () -> neverOpen.addBusinessTime(berlin("2026-11-30T09:00"), amount)));
            assertTrue(e.getMessage().contains("no opening hours"), e.getMessage());
        }
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }
}
