package io.supportplatform.sla.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Optional;

/**
 * A holiday that comes back every year: on a fixed day of the year, a number of days from Western Easter, or
 * the n-th (or last) weekday of a month (e.g. Thanksgiving, the fourth Thursday of November).
 */
public sealed interface HolidayRule {

    HolidayRule GOOD_FRIDAY = fromEaster(-2);
    HolidayRule EASTER_MONDAY = fromEaster(1);
    HolidayRule ASCENSION_DAY = fromEaster(39);
    HolidayRule WHIT_MONDAY = fromEaster(50);

    /** The holiday's date in {@code year}, if it falls in that year (29 February only does in leap years). */
    Optional<LocalDate> dateIn(int year);

    static HolidayRule on(MonthDay day) {
        return new OnDayOfYear(day);
    }

    /** A fixed day of the year as "MM-dd", e.g. "12-25". */
    static HolidayRule on(String monthDay) {
        return on(MonthDay.parse("--" + monthDay));
    }

    static HolidayRule fromEaster(int days) {
        return new FromEaster(days);
    }

    /** The {@code ordinal}-th {@code day} of {@code month} (1..5), or its last one for -1. */
    static HolidayRule nthWeekday(Month month, int ordinal, DayOfWeek day) {
        return new NthWeekdayOfMonth(month, ordinal, day);
    }

    /**
     * Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus, Meeus/Jones/Butcher),
     * e.g. 5 April 2026 and 28 March 2027.
     */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    record OnDayOfYear(MonthDay day) implements HolidayRule {
        public OnDayOfYear {
            Objects.requireNonNull(day, "day");
        }

        @Override
        public Optional<LocalDate> dateIn(int year) {
            return day.isValidYear(year) ? Optional.of(day.atYear(year)) : Optional.empty();
        }
    }

    /** E.g. Good Friday -2, Easter Monday +1, Ascension Day +39, Whit Monday +50. */
    record FromEaster(int days) implements HolidayRule {
        public FromEaster {
            // Easter falls between 22 March and 25 April; within this range the day stays in Easter's year.
            if (days < -80 || days > 250) {
                throw new IllegalArgumentException("an Easter-relative holiday must lie within Easter's year:"
                        + " -80..250 days from Easter, was " + days);
            }
        }

        @Override
        public Optional<LocalDate> dateIn(int year) {
            return Optional.of(easterSunday(year).plusDays(days));
        }
    }

    /** E.g. Memorial Day: the last (-1) Monday of May; Thanksgiving: the 4th Thursday of November. */
    record NthWeekdayOfMonth(Month month, int ordinal, DayOfWeek day) implements HolidayRule {
        public NthWeekdayOfMonth {
            Objects.requireNonNull(month, "month");
            Objects.requireNonNull(day, "day");
            if (ordinal != -1 && (ordinal < 1 || ordinal > 5)) {
                throw new IllegalArgumentException("the weekday's ordinal must be 1..5 or -1 (last), was " + ordinal);
            }
        }

        @Override
        public Optional<LocalDate> dateIn(int year) {
            LocalDate first = LocalDate.of(year, month, 1);
            LocalDate date = ordinal == -1 ? first.with(TemporalAdjusters.lastInMonth(day))
                    : first.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
            return date.getMonth() == month ? Optional.of(date) : Optional.empty(); // no 5th Monday in some months
        }
    }
}
