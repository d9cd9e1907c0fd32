package io.supportplatform.sla.domain;

/** Why a ticket is escalated. */
public enum EscalationReason {
    /** A response clock passed its deadline; levels follow the breach as the policy says. */
    BREACH,
    /** Severity 1 and 2 are business-critical and escalated automatically on creation (P13.1). */
    CRITICAL_ON_CREATION,
    /** The customer asked for an update or a further escalation (P13.3). */
    CUSTOMER_REQUEST
}
