package io.supportplatform.sla.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When support counts time against a target: weekly opening hours as wall-clock times in a time zone,
 * minus holidays (fixed dates and yearly rules). Targets may be counted 24/7 ({@link #alwaysOpen()}) or
 * in a calendar, e.g. the Tier-2 callback of P8.1 within regional business hours.
 *
 * <p>Opening hours follow the wall clock, so on a day the clocks change a 08:00-18:00 day still opens at
 * 08:00 and closes at 18:00 local time; only hours that span the change itself gain or lose time. A
 * wall-clock time that does not exist (skipped by a spring-forward change) is taken as the moment the
 * clock jumps past it; one that occurs twice (fall-back) is taken at its first occurrence.
 *
 * @param weeklyHours opening hours per day of the week; days not listed are closed
 * @param holidays single closed dates
 * @param yearlyHolidays closed days that come back every year
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<OpeningHours>> weeklyHours, Set<LocalDate> holidays,
        List<HolidayRule> yearlyHolidays) {

    /** A calendar that finds no opening for this long would never count a target: it is broken, not busy. */
    static final int MAX_CLOSED_DAYS = 2 * 366;

    private static final BusinessCalendar ALWAYS_OPEN = new BusinessCalendar(ZoneOffset.UTC,
            wholeWeek(new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)), Set.of(), List.of());

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        Map<DayOfWeek, List<OpeningHours>> byDay = new EnumMap<>(DayOfWeek.class);
        Objects.requireNonNull(weeklyHours, "weeklyHours").forEach((day, hours) -> {
            List<OpeningHours> sorted = new ArrayList<>(Objects.requireNonNull(hours, day.toString()));
            sorted.sort(Comparator.comparing(OpeningHours::opens));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                    throw new IllegalArgumentException("opening hours of " + day + " overlap: " + sorted.get(i - 1)
                            + " and " + sorted.get(i));
                }
            }
            if (!sorted.isEmpty()) {
                byDay.put(day, List.copyOf(sorted));
            }
        });
        if (byDay.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs opening hours on at least one day of the week");
        }
        weeklyHours = Map.copyOf(byDay);
        holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
        yearlyHolidays = List.copyOf(Objects.requireNonNull(yearlyHolidays, "yearlyHolidays"));
    }

    /** Counts around the clock: business time is plain elapsed time. */
    public static BusinessCalendar alwaysOpen() {
        return ALWAYS_OPEN;
    }

    /** The same opening hours on every day of the week. */
    public static Map<DayOfWeek, List<OpeningHours>> wholeWeek(OpeningHours... hours) {
        return days(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, hours);
    }

    /** The same opening hours Monday to Friday; closed at weekends. */
    public static Map<DayOfWeek, List<OpeningHours>> mondayToFriday(OpeningHours... hours) {
        return days(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, hours);
    }

    private static Map<DayOfWeek, List<OpeningHours>> days(DayOfWeek first, DayOfWeek last, OpeningHours... hours) {
        Map<DayOfWeek, List<OpeningHours>> byDay = new EnumMap<>(DayOfWeek.class);
        for (int day = first.getValue(); day <= last.getValue(); day++) {
            byDay.put(DayOfWeek.of(day), List.of(hours));
        }
        return byDay;
    }

    public boolean isHoliday(LocalDate date) {
        return holidays.contains(date)
                || yearlyHolidays.stream().anyMatch(rule -> rule.dateIn(date.getYear()).filter(date::equals).isPresent());
    }

    public boolean isOpenAt(Instant instant) {
        return periodsOf(localDate(instant)).stream().anyMatch(period -> period.contains(instant));
    }

    /**
     * The deadline of {@code amount} of business time counted from {@code start}: the earliest instant by
     * which that much time has been counted. A start outside opening hours counts from the next opening; a
     * deadline that uses up a day's last hour falls on its closing time (18:00), not on the next opening.
     * A zero amount is due at {@code start} itself, open or not: nothing remains to count, so the promise
     * is due now (e.g. a clock re-targeted below the time it has already counted is breached at once).
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     * @throws IllegalStateException if the calendar finds no opening for two years (holidays close every open day)
     */
    public Instant addBusinessTime(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        if (Objects.requireNonNull(amount, "amount").isNegative()) {
            throw new IllegalArgumentException("business time to add must not be negative, was " + amount);
        }
        if (amount.isZero() || countsAroundTheClock()) {
            return start.plus(amount);
        }
        Duration week = nominalWeek();
        Duration remaining = amount;
        LocalDate first = localDate(start);
        LocalDate date = first;
        long closedDays = 0;
        while (true) {
            if (date.isAfter(first) && remaining.compareTo(week.multipliedBy(2)) > 0) {
                // Skip whole weeks at once so a distant deadline costs little more than a near one.
                long weeks = remaining.dividedBy(week) - 1;
                Duration skipped = businessTimeOfWeeks(date, weeks);
                while (weeks > 0 && skipped.compareTo(remaining) >= 0) {
                    weeks /= 2;
                    skipped = businessTimeOfWeeks(date, weeks);
                }
                if (weeks > 0) {
                    closedDays = skipped.isZero() ? closedDays + 7 * weeks : 0;
                    requireOpeningWithin(closedDays, start);
                    date = date.plusWeeks(weeks);
                    remaining = remaining.minus(skipped);
                    continue;
                }
            }
            boolean counted = false;
            for (Period period : periodsOf(date)) {
                Instant from = period.opens().isBefore(start) ? start : period.opens();
                if (from.isBefore(period.closes())) {
                    counted = true;
                    Duration available = Duration.between(from, period.closes());
                    if (remaining.compareTo(available) <= 0) {
                        return from.plus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
            }
            closedDays = counted ? 0 : closedDays + 1;
            requireOpeningWithin(closedDays, start);
            date = date.plusDays(1);
        }
    }

    /**
     * Business time counted from {@code from} to {@code to}, the inverse of {@link #addBusinessTime}; negative
     * if {@code to} is before {@code from}, like {@link Duration#between}.
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from).negated();
        }
        if (countsAroundTheClock()) {
            return Duration.between(from, to);
        }
        LocalDate first = localDate(from);
        LocalDate last = localDate(to);
        Duration total = Duration.ZERO;
        LocalDate date = first;
        while (!date.isAfter(last)) {
            long weeks = ChronoUnit.DAYS.between(date, last) / 7;
            if (date.isAfter(first) && weeks > 0) {
                // Whole weeks strictly between the first and the last day lie entirely in [from, to].
                total = total.plus(businessTimeOfWeeks(date, weeks));
                date = date.plusWeeks(weeks);
                continue;
            }
            for (Period period : periodsOf(date)) {
                Instant start = period.opens().isBefore(from) ? from : period.opens();
                Instant end = period.closes().isAfter(to) ? to : period.closes();
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
            date = date.plusDays(1);
        }
        return total;
    }

    private boolean countsAroundTheClock() {
        return holidays.isEmpty() && yearlyHolidays.isEmpty() && weeklyHours.size() == 7
                && weeklyHours.values().stream().allMatch(hours -> hours.size() == 1 && hours.get(0).isWholeDay());
    }

    private void requireOpeningWithin(long closedDays, Instant start) {
        if (closedDays > MAX_CLOSED_DAYS) {
            throw new IllegalStateException("business calendar in " + zone + " has no opening hours for "
                    + MAX_CLOSED_DAYS + " days after " + start + ": its holidays close every open day");
        }
    }

    /**
     * Business time of the {@code weeks} whole weeks from {@code firstDay}: the nominal weekly hours, corrected
     * only on the days that differ from them (holidays and days the clocks change), so the cost grows with
     * the number of such days rather than with the number of days.
     */
    private Duration businessTimeOfWeeks(LocalDate firstDay, long weeks) {
        LocalDate end = firstDay.plusWeeks(weeks);
        Duration total = nominalWeek().multipliedBy(weeks);
        for (LocalDate day : irregularDays(firstDay, end)) {
            total = total.plus(businessTimeOf(day)).minus(nominalTimeOf(day.getDayOfWeek()));
        }
        return total;
    }

    /** Holidays and clock-change days in [firstDay, end). */
    private Set<LocalDate> irregularDays(LocalDate firstDay, LocalDate end) {
        Set<LocalDate> days = new TreeSet<>();
        holidays.stream().filter(day -> !day.isBefore(firstDay) && day.isBefore(end)).forEach(days::add);
        for (int year = firstDay.getYear(); year <= end.getYear(); year++) {
            for (HolidayRule rule : yearlyHolidays) {
                rule.dateIn(year).filter(day -> !day.isBefore(firstDay) && day.isBefore(end)).ifPresent(days::add);
            }
        }
        ZoneRules rules = zone.getRules();
        Instant endInstant = startOf(end);
        ZoneOffsetTransition change = rules.nextTransition(startOf(firstDay).minusNanos(1));
        while (change != null && change.getInstant().isBefore(endInstant)) {
            for (LocalDate day : List.of(change.getDateTimeBefore().toLocalDate(), change.getDateTimeAfter().toLocalDate())) {
                if (!day.isBefore(firstDay) && day.isBefore(end)) {
                    days.add(day);
                }
            }
            change = rules.nextTransition(change.getInstant());
        }
        return days;
    }

    private Duration businessTimeOf(LocalDate date) {
        return periodsOf(date).stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
    }

    private Duration nominalTimeOf(DayOfWeek day) {
        return weeklyHours.getOrDefault(day, List.of()).stream().map(OpeningHours::nominalLength)
                .reduce(Duration.ZERO, Duration::plus);
    }

    private Duration nominalWeek() {
        Duration week = Duration.ZERO;
        for (DayOfWeek day : DayOfWeek.values()) {
            week = week.plus(nominalTimeOf(day));
        }
        return week;
    }

    /** The instants a date is open, in order; none on a holiday. */
    private List<Period> periodsOf(LocalDate date) {
        if (isHoliday(date)) {
            return List.of();
        }
        return weeklyHours.getOrDefault(date.getDayOfWeek(), List.of()).stream()
                .map(hours -> new Period(at(date, hours.opens()),
                        hours.closesAtMidnight() ? startOf(date.plusDays(1)) : at(date, hours.closes())))
                .toList();
    }

    private LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private Instant startOf(LocalDate date) {
        return at(date, LocalTime.MIDNIGHT);
    }

    /** The first instant the wall clock shows {@code time} on {@code date}, or has jumped past it. */
    private Instant at(LocalDate date, LocalTime time) {
        LocalDateTime wallClock = date.atTime(time);
        ZoneRules rules = zone.getRules();
        if (rules.getValidOffsets(wallClock).isEmpty()) {
            return rules.getTransition(wallClock).getInstant();
        }
        return wallClock.atZone(zone).toInstant(); // in an overlap: the earlier offset, the first occurrence
    }

    /** An open stretch [opens, closes) of one day. */
    private record Period(Instant opens, Instant closes) {
        boolean contains(Instant instant) {
            return !instant.isBefore(opens) && instant.isBefore(closes);
        }

        Duration length() {
            return Duration.between(opens, closes);
        }
    }
}
