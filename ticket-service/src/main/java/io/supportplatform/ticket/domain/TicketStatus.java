package io.supportplatform.ticket.domain;

import java.util.Set;

/**
 * Where a ticket stands in its lifecycle:
 * NEW -> OPEN -> WAITING_FOR_CUSTOMER <-> OPEN -> RESOLVED -> CLOSED, and RESOLVED -> REOPENED -> OPEN.
 */
public enum TicketStatus {
    /** Filed, no support response yet (P2.2). */
    NEW,
    /** Support is working on it (P13.2). */
    OPEN,
    /** Support needs more from the customer; the waiting time does not count against support (P9.2). */
    WAITING_FOR_CUSTOMER,
    /** Solved or a workaround is in place (P13.2); the customer may still object. */
    RESOLVED,
    /** The customer's problem came back after it was resolved. */
    REOPENED,
    /** Done for good. */
    CLOSED;

    /** The statuses a ticket in this status may move to. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case NEW, REOPENED -> Set.of(OPEN);
            case OPEN -> Set.of(WAITING_FOR_CUSTOMER, RESOLVED);
            case WAITING_FOR_CUSTOMER -> Set.of(OPEN);
            case RESOLVED -> Set.of(CLOSED, REOPENED);
            case CLOSED -> Set.of();
        };
    }

    public boolean mayMoveTo(TicketStatus target) {
        return next().contains(target);
    }
}
