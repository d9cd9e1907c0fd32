package io.supportplatform.sla.domain;

/** The ticket events the SLA clocks are derived from, named by their CloudEvents type. */
public enum TicketEventType {
    TICKET_CREATED("io.supportplatform.ticket-created.v1");

    private final String cloudEventType;

    TicketEventType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }
}
