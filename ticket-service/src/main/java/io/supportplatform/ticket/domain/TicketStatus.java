package io.supportplatform.ticket.domain;

/**
 * Where a ticket stands in its lifecycle. The walking skeleton only files tickets; the lifecycle issue
 * adds the states after NEW.
 */
public enum TicketStatus {
    /** Filed, no support response yet (P2.2). */
    NEW
}
