package io.supportplatform.sla.domain;

/**
 * The response promises a clock can time: the first response to a ticket (P8), the next response after
 * the customer's information arrives (P9.3), and for severity 1 the outbound phone contact from the
 * regional Tier-2 network (P8.1).
 */
public enum ClockType {
    FIRST_RESPONSE,
    NEXT_RESPONSE,
    TIER2_CALLBACK
}
