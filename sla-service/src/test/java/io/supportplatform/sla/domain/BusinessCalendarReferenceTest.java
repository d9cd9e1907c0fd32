package io.supportplatform.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the calendar against a deliberately naive model: time cut into 15-minute slices, each open or
 * closed by looking at its local wall-clock time, with the holiday dates written out by hand.
 */
class BusinessCalendarReferenceTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final int SLICES = 3 * 366 * 96;
    private static final Duration SLICE = Duration.ofMinutes(15);

    /** Good Friday, Easter Monday, Ascension, Whit Monday, Christmas of 2026-2028, and one company day. */
    private static final Set<LocalDate> HOLIDAYS = Set.of(
            LocalDate.parse("2026-04-03"), LocalDate.parse("2026-04-06"), LocalDate.parse("2026-05-14"),
            LocalDate.parse("2026-05-25"), LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26"),
            LocalDate.parse("2027-03-26"), LocalDate.parse("2027-03-29"), LocalDate.parse("2027-05-06"),
            LocalDate.parse("2027-05-17"), LocalDate.parse("2027-12-25"), LocalDate.parse("2027-12-26"),
            LocalDate.parse("2028-04-14"), LocalDate.parse("2028-04-17"), LocalDate.parse("2028-05-25"),
            LocalDate.parse("2028-06-05"), LocalDate.parse("2028-12-25"), LocalDate.parse("2028-12-26"),
            LocalDate.parse("2026-06-15"));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Europe/Berlin", "America/New_York"})
    void agreesWithSliceByWallClockSliceCounting(ZoneId zone) {
        // Split weekdays, plus weekend night hours that span the Sunday 02:00 clock changes of both zones.
        Map<DayOfWeek, List<OpeningHours>> hours = new EnumMap<>(BusinessCalendar.mondayToFriday(
                OpeningHours.of("08:00", "12:00"), OpeningHours.of("13:00", "18:00")));
        hours.put(DayOfWeek.SATURDAY, List.of(OpeningHours.of("20:00", "24:00")));
        hours.put(DayOfWeek.SUNDAY, List.of(OpeningHours.of("00:00", "04:00"), OpeningHours.of("10:00", "11:30")));
        BusinessCalendar calendar = new BusinessCalendar(zone, hours, Set.of(LocalDate.parse("2026-06-15")),
                List.of(HolidayRule.GOOD_FRIDAY, HolidayRule.EASTER_MONDAY, HolidayRule.ASCENSION_DAY,
                        HolidayRule.WHIT_MONDAY, HolidayRule.on("12-25"), HolidayRule.on("12-26")));

        int[] openBefore = openSlicesBefore(zone);
        Random random = new Random(zone.getId().hashCode());
        for (int i = 0; i < 3000; i++) {
            int start = random.nextInt(366 * 96);
            int amount = 1 + random.nextInt(i % 3 == 0 ? 200 * 4 : 2500 * 4);
            // The deadline is the end of the slice in which the amount is used up.
            int end = Arrays.binarySearch(openBefore, openBefore[start] + amount);
            while (openBefore[end - 1] == openBefore[end]) {
                end--;
            }
            Instant startAt = slice(start);
            assertEquals(slice(end), calendar.addBusinessTime(startAt, SLICE.multipliedBy(amount)),
                    startAt + " + " + amount + " slices");
            int to = start + random.nextInt(SLICES - start);
            assertEquals(SLICE.multipliedBy(openBefore[to] - openBefore[start]),
                    calendar.businessTimeBetween(startAt, slice(to)), startAt + " to " + slice(to));
        }
    }

    /** openBefore[i] = the number of open slices before slice i. */
    private static int[] openSlicesBefore(ZoneId zone) {
        int[] openBefore = new int[SLICES + 1];
        for (int i = 0; i < SLICES; i++) {
            openBefore[i + 1] = openBefore[i] + (isOpen(slice(i).atZone(zone)) ? 1 : 0);
        }
        return openBefore;
    }

    private static boolean isOpen(ZonedDateTime wallClock) {
        if (HOLIDAYS.contains(wallClock.toLocalDate())) {
            return false;
        }
        LocalTime time = wallClock.toLocalTime();
        return switch (wallClock.getDayOfWeek()) {
            case SATURDAY -> time.getHour() >= 20;
            case SUNDAY -> time.getHour() < 4 || (!time.isBefore(LocalTime.of(10, 0)) && time.isBefore(LocalTime.of(11, 30)));
            default -> time.getHour() >= 8 && time.getHour() < 18 && time.getHour() != 12;
        };
    }

    private static Instant slice(int index) {
        return FROM.plus(SLICE.multipliedBy(index));
    }
}
