package io.supportplatform.sla.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.supportplatform.sla.domain.ClockState;
import io.supportplatform.sla.domain.ClockTransition;
import io.supportplatform.sla.domain.ClockType;
import io.supportplatform.sla.domain.ResponseClock;
import io.supportplatform.sla.service.ClockService.ClockReading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A response clock as the API shows it at one instant: while it runs, either {@code remainingSeconds} until
 * the deadline or, once it has passed, {@code overdueSeconds}; the time counted against the target (in the
 * clock's calendar), the time spent paused, and the history of its transitions.
 *
 * @param calendarRegion the region whose business hours count the target; absent when counted 24/7
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
        long targetMinutes,
        String calendarRegion,
        Instant startedAt,
        Instant deadline,
        Instant warningAt,
        long elapsedSeconds,
        Long remainingSeconds,
        Long overdueSeconds,
        long pausedSeconds,
        Instant breachedAt,
        Instant endedAt,
        List<ClockTransition> history) {

    static ClockView of(ClockReading reading, Instant now) {
        ResponseClock clock = reading.clock();
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
                clock.severity().level(), clock.policyVersion(), clock.target().toMinutes(), clock.calendarRegion(),
                clock.startedAt(), clock.deadline(), clock.warningAt(), reading.counted().toSeconds(), remaining,
                overdue, reading.paused().toSeconds(), clock.breachedAt(), clock.endedAt(), clock.history());
    }
}
