package io.supportplatform.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A response clock of one ticket.
 *
 * <p>Bookkeeping for pauses (P9.2): {@code countedBefore} is the time already counted against the
 * target before the current running stretch, which began at {@code runningSince}. A paused clock
 * will have no {@code runningSince} and no deadline. Until pauses exist, a clock runs from its start
 * and counts nothing before it.
 *
 * @param cycle which clock of this type on the ticket (0 for the first response; next responses count up)
 * @param policyVersion the policy version the clock started under, kept for its whole life (P16.1)
 */
public record ResponseClock(
        UUID ticketId,
        String ticketNumber,
        String systemId,
        ClockType type,
        int cycle,
        ClockState state,
        Severity severity,
        String policyVersion,
        Duration target,
        Instant startedAt,
        Instant runningSince,
        Duration countedBefore,
        Instant deadline) {

    public ResponseClock {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(countedBefore, "countedBefore");
    }

    /** This clock as it stands at {@code now}: a running clock whose deadline has come is breached. */
    public ResponseClock at(Instant now) {
        if (state == ClockState.RUNNING && deadline != null && !deadline.isAfter(now)) {
            return withState(ClockState.BREACHED);
        }
        return this;
    }

    /** Time left until the deadline at {@code now}; negative once overdue. */
    public Duration remainingAt(Instant now) {
        return Duration.between(now, deadline);
    }

    /** Time counted against the target up to {@code now} (24/7 counting). */
    public Duration elapsedAt(Instant now) {
        if (runningSince == null || now.isBefore(runningSince)) {
            return countedBefore;
        }
        return countedBefore.plus(Duration.between(runningSince, now));
    }

    private ResponseClock withState(ClockState newState) {
        return new ResponseClock(ticketId, ticketNumber, systemId, type, cycle, newState, severity, policyVersion,
                target, startedAt, runningSince, countedBefore, deadline);
    }
}
