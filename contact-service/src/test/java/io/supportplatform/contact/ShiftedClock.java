package io.supportplatform.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The service's clock in tests: the real UTC clock, which a test may move forward to reach a redesignation's date
 * (and must move back when done). Unshifted it is exactly {@link Clock#systemUTC()}, so other tests see real time.
 */
@Alternative
@Priority(1)
@Singleton
public class ShiftedClock extends Clock {

    private volatile Duration shift = Duration.ZERO;

    public void shift(Duration by) {
        shift = by;
    }

    public void reset() {
        shift = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service's days are UTC days");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }
}
