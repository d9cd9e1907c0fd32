package io.supportplatform.sla.domain;

/** What an alarm announces when it falls due, and the event (and topic) it is published as. */
public enum AlarmKind {
    /** The warning share of the target is used up (default 75 %). */
    WARNING("sla-warning"),
    /** The deadline passed without the promised response. */
    BREACH("sla-breached"),
    /** The promised response came in time or late; the clock stopped counting. */
    MET("sla-met"),
    /** Someone must act: after a breach, for a business-critical ticket (P13.1) or at the customer's request (P13.3). */
    ESCALATION("sla-escalated");

    private final String eventName;

    AlarmKind(String eventName) {
        this.eventName = eventName;
    }

    /** The event name: topic and {@code io.supportplatform.<name>.v1} type. */
    public String eventName() {
        return eventName;
    }
}
