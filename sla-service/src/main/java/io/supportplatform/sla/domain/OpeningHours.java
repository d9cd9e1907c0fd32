package io.supportplatform.sla.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One interval of a business day, as wall-clock times in the calendar's zone. A day may have several
 * (e.g. 08:00-12:00 and 13:00-17:00). An interval ends on its own day: {@code closes} of 00:00 means
 * midnight at the end of the day (24:00), so 00:00-00:00 is the whole day; later hours belong to the next day.
 */
public record OpeningHours(LocalTime opens, LocalTime closes) {

    public OpeningHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!untilMidnight(closes) && !closes.isAfter(opens)) {
            throw new IllegalArgumentException("opening hours " + opens + "-" + closes
                    + " are inverted or empty: an interval must close after it opens, on the same day"
                    + " (close at 24:00 and open again at 00:00 to stay open over midnight)");
        }
    }

    /** Parses wall-clock times such as "08:00" and "18:00"; "24:00" closes at midnight. */
    public static OpeningHours of(String opens, String closes) {
        return new OpeningHours(LocalTime.parse(opens), "24:00".equals(closes) ? LocalTime.MIDNIGHT : LocalTime.parse(closes));
    }

    /** Length on a day without a clock change. */
    public Duration nominalLength() {
        return untilMidnight(closes) ? Duration.ofDays(1).minus(Duration.ofNanos(opens.toNanoOfDay()))
                : Duration.between(opens, closes);
    }

    public boolean closesAtMidnight() {
        return untilMidnight(closes);
    }

    /** True if this interval and {@code later} (which opens no earlier) share some time. */
    boolean overlaps(OpeningHours later) {
        return closesAtMidnight() || later.opens.isBefore(closes);
    }

    boolean isWholeDay() {
        return opens.equals(LocalTime.MIDNIGHT) && closesAtMidnight();
    }

    private static boolean untilMidnight(LocalTime closes) {
        return closes.equals(LocalTime.MIDNIGHT);
    }

    @Override
    public String toString() {
        return opens + "-" + (closesAtMidnight() ? "24:00" : closes.toString());
    }
}
