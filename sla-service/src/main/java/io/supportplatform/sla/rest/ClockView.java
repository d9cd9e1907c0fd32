package io.supportplatform.sla.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.supportplatform.sla.domain.ClockState;
import io.supportplatform.sla.domain.ClockType;
import io.supportplatform.sla.domain.ResponseClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A response clock as the API shows it at one instant: either {@code remainingSeconds} until the
 * deadline or, once it has passed, {@code overdueSeconds}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClockView(
        UUID ticketId,
        String ticketNumber,
        ClockType type,
        int cycle,
        ClockState state,
        int severity,
        String policyVersion,
        Instant startedAt,
        Instant deadline,
        long targetMinutes,
        long elapsedSeconds,
        Long remainingSeconds,
        Long overdueSeconds) {

    static ClockView of(ResponseClock clock, Instant now) {
        Long remaining = null;
        Long overdue = null;
        if (clock.deadline() != null) {
            Duration left = clock.remainingAt(now);
            if (left.isNegative() || left.isZero()) {
                overdue = left.negated().toSeconds();
            } else {
                remaining = left.toSeconds();
            }
        }
        return new ClockView(clock.ticketId(), clock.ticketNumber(), clock.type(), clock.cycle(), clock.state(),
                clock.severity().level(), clock.policyVersion(), clock.startedAt(), clock.deadline(),
                clock.target().toMinutes(), clock.elapsedAt(now).toSeconds(), remaining, overdue);
    }
}
