package io.supportplatform.sla.mapping;

import io.supportplatform.sla.domain.BusinessCalendar;
import io.supportplatform.sla.domain.HolidayRule;
import io.supportplatform.sla.domain.OpeningHours;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates a {@link CalendarDocument} field by field and turns it into a {@link BusinessCalendar}. */
public final class CalendarMapper {

    private static final Pattern REGION = Pattern.compile("[A-Z][A-Z0-9]{1,15}(-[A-Z0-9]{1,15})?");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d|24:00");
    private static final Pattern MONTH_DAY = Pattern.compile("\\d{2}-\\d{2}");

    private CalendarMapper() {
    }

    /** @throws io.supportplatform.problem.ProblemException 400 naming every bad field */
    public static void requireValidRegion(String region) {
        Violations violations = new Violations();
        if (region == null || !REGION.matcher(region).matches()) {
            violations.add("region", "Pattern", "must be upper-case letters and digits with one optional '-', e.g. EU-DE");
        }
        violations.throwIfAny();
    }

    /**
     * The calendar the document describes.
     *
     * @throws io.supportplatform.problem.ProblemException 400 naming every bad field
     */
    public static BusinessCalendar toDomain(CalendarDocument document) {
        Violations violations = new Violations();
        if (document == null) {
            violations.add("", "NotNull", "a calendar is required");
            violations.throwIfAny();
        }
        ZoneId zone = zone(document.zone(), violations);
        if (document.description() == null || document.description().isBlank()) {
            violations.add("description", "NotBlank", "must not be blank");
        }
        Map<DayOfWeek, List<OpeningHours>> weekly = weeklyHours(document.weeklyHours(), violations);
        Set<LocalDate> holidays = holidays(document.holidays(), violations);
        List<HolidayRule> yearly = yearlyHolidays(document.yearlyHolidays(), violations);
        violations.throwIfAny();
        return new BusinessCalendar(zone, weekly, holidays, yearly);
    }

    private static ZoneId zone(String zone, Violations violations) {
        if (zone == null || zone.isBlank()) {
            violations.add("zone", "NotBlank", "must name a time zone, e.g. Europe/Berlin");
            return null;
        }
        try {
            // Region ids only: a fixed offset would ignore the daylight-saving changes the region observes.
            if (!zone.contains("/")) {
                throw new DateTimeException("not a region id");
            }
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            violations.add("zone", "TimeZone", "unknown time zone '" + zone + "'; use an IANA region id such as Europe/Berlin");
            return null;
        }
    }

    private static Map<DayOfWeek, List<OpeningHours>> weeklyHours(Map<String, List<CalendarDocument.Hours>> byDay,
            Violations violations) {
        Map<DayOfWeek, List<OpeningHours>> weekly = new EnumMap<>(DayOfWeek.class);
        if (byDay == null || byDay.isEmpty()) {
            violations.add("weeklyHours", "NotEmpty", "needs opening hours on at least one day of the week");
            return weekly;
        }
        byDay.forEach((dayName, hours) -> {
            String field = "weeklyHours." + dayName;
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(dayName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(field, "DayOfWeek", "must be a day of the week, MONDAY..SUNDAY");
                return;
            }
            List<OpeningHours> intervals = new ArrayList<>();
            for (int i = 0; hours != null && i < hours.size(); i++) {
                CalendarDocument.Hours interval = hours.get(i);
                String at = field + "[" + i + "]";
                LocalTime opens = time(interval == null ? null : interval.opens(), at + ".opens", violations);
                LocalTime closes = time(interval == null ? null : interval.closes(), at + ".closes", violations);
                if (opens == null || closes == null) {
                    continue;
                }
                try {
                    intervals.add(new OpeningHours(opens, closes));
                } catch (IllegalArgumentException e) {
                    violations.add(at, "OpeningHours", e.getMessage());
                }
            }
            try {
                // The calendar's own check: overlapping intervals of one day.
                new BusinessCalendar(ZoneId.of("UTC"), Map.of(day, intervals), Set.of(), List.of());
            } catch (IllegalArgumentException e) {
                if (!intervals.isEmpty()) {
                    violations.add(field, "Overlap", e.getMessage());
                }
            }
            if (!intervals.isEmpty()) {
                weekly.put(day, intervals);
            }
        });
        if (weekly.isEmpty() && violations.isEmpty()) {
            violations.add("weeklyHours", "NotEmpty", "needs opening hours on at least one day of the week");
        }
        return weekly;
    }

    private static LocalTime time(String text, String field, Violations violations) {
        if (text == null || !TIME.matcher(text).matches()) {
            violations.add(field, "Time", "must be a wall-clock time HH:mm (24:00 for midnight at the end of the day)");
            return null;
        }
        return "24:00".equals(text) ? LocalTime.MIDNIGHT : LocalTime.parse(text);
    }

    private static Set<LocalDate> holidays(List<String> dates, Violations violations) {
        Set<LocalDate> holidays = new HashSet<>();
        for (int i = 0; dates != null && i < dates.size(); i++) {
            try {
                holidays.add(LocalDate.parse(dates.get(i)));
            } catch (DateTimeParseException | NullPointerException e) {
                violations.add("holidays[" + i + "]", "Date", "must be a valid date yyyy-MM-dd, was '" + dates.get(i) + "'");
            }
        }
        return holidays;
    }

    private static List<HolidayRule> yearlyHolidays(List<CalendarDocument.YearlyHoliday> rules, Violations violations) {
        List<HolidayRule> yearly = new ArrayList<>();
        for (int i = 0; rules != null && i < rules.size(); i++) {
            CalendarDocument.YearlyHoliday rule = rules.get(i);
            String field = "yearlyHolidays[" + i + "]";
            if (rule == null) {
                violations.add(field, "NotNull", "must be a holiday rule");
                continue;
            }
            int forms = (rule.on() != null ? 1 : 0) + (rule.fromEaster() != null ? 1 : 0)
                    + (rule.month() != null || rule.weekday() != null || rule.ordinal() != null ? 1 : 0);
            if (forms != 1) {
                violations.add(field, "OneOf", "give exactly one of: on (MM-dd), fromEaster (days), or month+weekday+ordinal");
            } else if (rule.on() != null) {
                try {
                    if (!MONTH_DAY.matcher(rule.on()).matches()) {
                        throw new DateTimeParseException("not MM-dd", rule.on(), 0);
                    }
                    yearly.add(HolidayRule.on(MonthDay.parse("--" + rule.on())));
                } catch (DateTimeParseException e) {
                    violations.add(field + ".on", "MonthDay", "must be a valid day of the year MM-dd, was '" + rule.on() + "'");
                }
            } else if (rule.fromEaster() != null) {
                try {
                    yearly.add(HolidayRule.fromEaster(rule.fromEaster()));
                } catch (IllegalArgumentException e) {
                    violations.add(field + ".fromEaster", "Range", e.getMessage());
                }
            } else {
                Month month = enumValue(Month.class, rule.month(), field + ".month", "JANUARY..DECEMBER", violations);
                DayOfWeek weekday = enumValue(DayOfWeek.class, rule.weekday(), field + ".weekday", "MONDAY..SUNDAY",
                        violations);
                if (rule.ordinal() == null || rule.ordinal() == 0 || rule.ordinal() < -1 || rule.ordinal() > 5) {
                    violations.add(field + ".ordinal", "Range", "must be 1..5, or -1 for the last one in the month");
                } else if (month != null && weekday != null) {
                    yearly.add(HolidayRule.nthWeekday(month, rule.ordinal(), weekday));
                }
            }
        }
        return yearly;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field, String allowed,
            Violations violations) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            violations.add(field, "Enum", "must be one of " + allowed);
            return null;
        }
    }
}
