package io.supportplatform.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.Month;
import java.time.DayOfWeek;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolidayRuleTest {

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({"2026, 2026-04-05", "2027, 2027-03-28", "2024, 2024-03-31", "2025, 2025-04-20", "2019, 2019-04-21",
            "2038, 2038-04-25", "2285, 2285-03-22", "1818, 1818-03-22", "1943, 1943-04-25", "2000, 2000-04-23"})
    void westernEasterSunday(int year, LocalDate easter) {
        assertEquals(easter, HolidayRule.easterSunday(year));
    }

    @Test
    void easterRelativeHolidaysOf2026() {
        assertEquals(Optional.of(LocalDate.of(2026, 4, 3)), HolidayRule.GOOD_FRIDAY.dateIn(2026));
        assertEquals(Optional.of(LocalDate.of(2026, 4, 6)), HolidayRule.EASTER_MONDAY.dateIn(2026));
        assertEquals(Optional.of(LocalDate.of(2026, 5, 14)), HolidayRule.ASCENSION_DAY.dateIn(2026));
        assertEquals(Optional.of(LocalDate.of(2026, 5, 25)), HolidayRule.WHIT_MONDAY.dateIn(2026));
        assertEquals(Optional.of(LocalDate.of(2027, 3, 26)), HolidayRule.GOOD_FRIDAY.dateIn(2027));
    }

    @Test
    void fixedDayComesBackEveryYear() {
        assertEquals(Optional.of(LocalDate.of(2026, 12, 25)), HolidayRule.on("12-25").dateIn(2026));
        assertEquals(Optional.of(LocalDate.of(2031, 12, 25)), HolidayRule.on("12-25").dateIn(2031));
    }

    @Test
    void twentyNinthOfFebruaryOnlyInLeapYears() {
        assertEquals(Optional.of(LocalDate.of(2028, 2, 29)), HolidayRule.on("02-29").dateIn(2028));
        assertEquals(Optional.empty(), HolidayRule.on("02-29").dateIn(2027));
    }

    @Test
    void easterRelativeHolidayMustStayInEastersYear() {
        assertEquals(Optional.of(LocalDate.of(2285, 1, 1)), HolidayRule.fromEaster(-80).dateIn(2285));
        assertEquals(Optional.of(LocalDate.of(2038, 12, 31)), HolidayRule.fromEaster(250).dateIn(2038));
        assertThrows(IllegalArgumentException.class, () -> HolidayRule.fromEaster(-81));
        assertThrows(IllegalArgumentException.class, () -> HolidayRule.fromEaster(251));
    }

    @Test
    void nthAndLastWeekdayOfAMonth() { // US federal holidays of 2026
        assertEquals(Optional.of(LocalDate.of(2026, 11, 26)),
                HolidayRule.nthWeekday(Month.NOVEMBER, 4, DayOfWeek.THURSDAY).dateIn(2026)); // Thanksgiving
        assertEquals(Optional.of(LocalDate.of(2026, 5, 25)),
                HolidayRule.nthWeekday(Month.MAY, -1, DayOfWeek.MONDAY).dateIn(2026)); // Memorial Day
        assertEquals(Optional.of(LocalDate.of(2026, 1, 19)),
                HolidayRule.nthWeekday(Month.JANUARY, 3, DayOfWeek.MONDAY).dateIn(2026)); // Martin Luther King Jr. Day
        assertEquals(Optional.empty(), HolidayRule.nthWeekday(Month.FEBRUARY, 5, DayOfWeek.MONDAY).dateIn(2026));
        assertThrows(IllegalArgumentException.class, () -> HolidayRule.nthWeekday(Month.MAY, 0, DayOfWeek.MONDAY));
    }
}
