package io.supportplatform.sla.domain;

import java.util.Arrays;
import java.util.Optional;

/** The ticket events the SLA service consumes, named by their topic; the CloudEvents type follows from it. */
public enum TicketEventType {
    TICKET_CREATED("ticket-created"),
    CUSTOMER_REPLIED("customer-replied"),
    AGENT_REPLIED("agent-replied"),
    TICKET_STATUS_CHANGED("ticket-status-changed"),
    TICKET_SEVERITY_CHANGED("ticket-severity-changed"),
    PHONE_CONTACT_LOGGED("phone-contact-logged"),
    ESCALATION_REQUESTED("escalation-requested");

    private final String topic;

    TicketEventType(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /** The type whose topic this is; empty for any other topic. */
    public static Optional<TicketEventType> ofTopic(String topic) {
        return Arrays.stream(values()).filter(type -> type.topic.equals(topic)).findFirst();
    }

    public String cloudEventType() {
        return "io.supportplatform." + topic + ".v1";
    }
}
