package io.supportplatform.sla.domain;

/** How a target is counted: around the clock, or only in the opening hours of the ticket's region. */
public enum Counting {
    AROUND_THE_CLOCK,
    BUSINESS_HOURS
}
