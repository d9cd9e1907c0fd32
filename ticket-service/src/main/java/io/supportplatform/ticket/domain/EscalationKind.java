package io.supportplatform.ticket.domain;

/** What a customer asks for inside a ticket (P13.3). */
public enum EscalationKind {
    /** An update on where the ticket stands. */
    UPDATE,
    /** A further escalation of the ticket. */
    ESCALATION
}
