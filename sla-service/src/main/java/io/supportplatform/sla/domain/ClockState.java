package io.supportplatform.sla.domain;

/**
 * Where a clock stands. A breached clock keeps counting until the response comes: the promise
 * was missed, but the customer still waits. PAUSED and MET arrive with the events that cause them.
 */
public enum ClockState {
    RUNNING,
    BREACHED,
    MET
}
