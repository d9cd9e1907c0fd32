package io.supportplatform.sla.domain;

/** The ticket lifecycle as ticket-service publishes it; only some statuses move clocks (P9.2, P9.3). */
public enum TicketStatus {
    NEW,
    OPEN,
    WAITING_FOR_CUSTOMER,
    RESOLVED,
    REOPENED,
    CLOSED;

    public boolean isClosed() {
        return this == RESOLVED || this == CLOSED;
    }
}
