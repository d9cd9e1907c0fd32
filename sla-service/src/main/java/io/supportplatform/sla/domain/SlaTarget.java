package io.supportplatform.sla.domain;

import java.time.Duration;
import java.util.Objects;

/** One promise of a policy version: how long, and in which time it is counted. */
public record SlaTarget(Duration duration, Counting counting) {

    public SlaTarget {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(counting, "counting");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a target must be positive, was " + duration);
        }
    }

    public static SlaTarget aroundTheClock(Duration duration) {
        return new SlaTarget(duration, Counting.AROUND_THE_CLOCK);
    }

    public static SlaTarget inBusinessHours(Duration duration) {
        return new SlaTarget(duration, Counting.BUSINESS_HOURS);
    }
}
