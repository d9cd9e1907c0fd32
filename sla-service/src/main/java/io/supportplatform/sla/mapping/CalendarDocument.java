package io.supportplatform.sla.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A region's business calendar as the admin API takes and shows it, and as it is stored. Everything is
 * text so that a bad value is named precisely instead of failing the whole request as unreadable.
 *
 * @param zone an IANA time zone, e.g. Europe/Berlin
 * @param weeklyHours per day of the week (MONDAY..SUNDAY) its opening hours, "HH:mm" to "HH:mm" ("24:00" = midnight)
 * @param holidays single closed dates, ISO "yyyy-MM-dd"
 * @param yearlyHolidays closed days that come back every year
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CalendarDocument(String zone, String description, Map<String, List<Hours>> weeklyHours,
        List<String> holidays, List<YearlyHoliday> yearlyHolidays) {

    public record Hours(String opens, String closes) {
    }

    /**
     * Exactly one form: {@code on} a fixed day "MM-dd"; {@code fromEaster} days from Easter Sunday; or the
     * {@code ordinal}-th (1..5, -1 = last) {@code weekday} of {@code month}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record YearlyHoliday(String name, String on, Integer fromEaster, String month, String weekday,
            Integer ordinal) {
    }
}
