package io.supportplatform.sla.domain;

/**
 * The response promises a clock can time. Only the first response is timed so far (P8);
 * NEXT_RESPONSE (P9.3) and TIER2_CALLBACK (P8.1) join here with their events.
 */
public enum ClockType {
    FIRST_RESPONSE
}
