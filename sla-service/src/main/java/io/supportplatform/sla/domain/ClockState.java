package io.supportplatform.sla.domain;

/**
 * Where a clock stands. RUNNING counts against the target; PAUSED counts nothing while the ticket waits
 * for the customer (P9.2); MET ended with the response it timed; STOPPED ended without one (resolved,
 * closed, or the promise no longer applies after a severity change). BREACHED is never stored: it is how a
 * running clock past its deadline is shown ({@link ResponseClock#at}); the customer still waits, so it
 * keeps counting until the response comes.
 */
public enum ClockState {
    RUNNING,
    PAUSED,
    MET,
    STOPPED,
    BREACHED;

    /** Still waiting for the response it times (running, paused, or running past its deadline). */
    public boolean isActive() {
        return this == RUNNING || this == PAUSED || this == BREACHED;
    }
}
