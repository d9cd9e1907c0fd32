package io.supportplatform.sla.domain;

import java.time.Instant;
import java.util.Objects;

/** One step in a clock's life, for its history: what happened, when, and the ticket event behind it. */
public record ClockTransition(Instant at, Kind kind, String cause) {

    public enum Kind { STARTED, PAUSED, RESUMED, RETARGETED, BREACHED, MET, STOPPED }

    public ClockTransition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cause, "cause");
    }
}
