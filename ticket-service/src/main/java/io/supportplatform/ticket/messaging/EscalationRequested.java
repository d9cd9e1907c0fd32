package io.supportplatform.ticket.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code io.supportplatform.escalation-requested.v1}
 * (deploy/contracts/escalation-requested.v1.schema.json): the customer asked for an update or a further
 * escalation (P13.3); {@code severity} is the ticket's current one.
 */
public record EscalationRequested(long sequence, UUID ticketId, String ticketNumber, String systemId,
        UUID escalationRequestId, String kind, String message, int severity, String requestedBy,
        Instant requestedAt) {

    public static final String TOPIC = "escalation-requested";
    public static final String TYPE = "io.supportplatform.escalation-requested.v1";
}
