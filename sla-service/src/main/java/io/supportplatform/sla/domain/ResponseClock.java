package io.supportplatform.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A response clock of one ticket, as derived from its events ({@link ResponseClocks}).
 *
 * <p>Bookkeeping for pauses (P9.2): {@code countedBefore} is the time already counted against the target
 * before the current running stretch, which began at {@code runningSince}, counted in the clock's calendar
 * ({@code calendarRegion}'s business hours, or 24/7 when null). A clock that is not running has no
 * {@code runningSince}, no {@code deadline} and no {@code warningAt}; an ended one has its final count in
 * {@code countedBefore}.
 *
 * @param cycle which clock of this type on the ticket (0 for the first; a reopened ticket or a new customer
 *     reply counts up)
 * @param policyVersion the policy version the ticket was filed under, kept for the clock's whole life (P16.1)
 * @param calendarRegion the region whose business calendar counts the target, or null when counted 24/7
 * @param deadline when the target is used up (null unless RUNNING)
 * @param warningAt when the policy's warning share of the target is used up, in the same calendar (null
 *     unless RUNNING); the start of the running stretch if the share was already used up before it
 * @param breachedAt the instant the deadline passed while the clock ran, once an event after it showed so
 *     (a clock still running past its deadline shows it through {@link #at})
 * @param endedAt when the clock was met or stopped
 * @param history the clock's transitions in order
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
        String calendarRegion,
        Instant startedAt,
        Instant runningSince,
        Duration countedBefore,
        Instant deadline,
        Instant warningAt,
        Instant breachedAt,
        Instant endedAt,
        List<ClockTransition> history) {

    public ResponseClock {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(countedBefore, "countedBefore");
        history = List.copyOf(history);
    }

    /**
     * This clock as it stands at {@code now}: a running clock whose deadline has come is shown BREACHED (the
     * deadline is the first instant of the breach), with the breach in its history.
     */
    public ResponseClock at(Instant now) {
        if (state == ClockState.RUNNING && deadline != null && !deadline.isAfter(now)) {
            List<ClockTransition> withBreach = new ArrayList<>(history);
            if (breachedAt == null) {
                withBreach.add(new ClockTransition(deadline, ClockTransition.Kind.BREACHED, "deadline passed"));
            }
            return new ResponseClock(ticketId, ticketNumber, systemId, type, cycle, ClockState.BREACHED, severity,
                    policyVersion, target, calendarRegion, startedAt, runningSince, countedBefore, deadline, warningAt,
                    breachedAt == null ? deadline : breachedAt, endedAt, withBreach);
        }
        return this;
    }

    /** Whether the promise was missed (by {@code now}, for a clock still running). */
    public boolean isBreachedAt(Instant now) {
        return breachedAt != null || (state == ClockState.RUNNING && deadline != null && !deadline.isAfter(now));
    }

    /** Wall-clock time left until the deadline at {@code now}; negative once overdue. */
    public Duration remainingAt(Instant now) {
        return Duration.between(now, deadline);
    }

    /** Time counted against the target up to {@code now}, in the clock's own calendar. */
    public Duration elapsedAt(Instant now, BusinessCalendar calendar) {
        if (runningSince == null || now.isBefore(runningSince)) {
            return countedBefore;
        }
        return countedBefore.plus(calendar.businessTimeBetween(runningSince, now));
    }

    /** Wall-clock time spent paused up to {@code now} (P9.2), from the clock's history. */
    public Duration pausedAt(Instant now) {
        Duration paused = Duration.ZERO;
        Instant pausedSince = null;
        for (ClockTransition transition : history) {
            if (transition.kind() == ClockTransition.Kind.PAUSED && pausedSince == null) {
                pausedSince = transition.at();
            } else if (pausedSince != null && transition.kind() != ClockTransition.Kind.PAUSED
                    && transition.kind() != ClockTransition.Kind.RETARGETED) {
                paused = paused.plus(Duration.between(pausedSince, transition.at()));
                pausedSince = null;
            }
        }
        if (pausedSince != null && now.isAfter(pausedSince)) {
            paused = paused.plus(Duration.between(pausedSince, now));
        }
        return paused;
    }
}
