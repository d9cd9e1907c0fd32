package io.supportplatform.ticket.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of {@code io.supportplatform.hotfix-status-changed.v1}
 * (deploy/contracts/hotfix-status-changed.v1.schema.json): the fix of a ticket escalated to development moved
 * on (P11.1 estimate, P11.2 release and verification). Everything in it may be shown to the customer.
 */
public record HotfixStatusChanged(long sequence, UUID ticketId, String ticketNumber, String systemId, String from,
        String to, LocalDate estimatedFixDate, String hotfixVersion, String changedBy, Instant changedAt) {

    public static final String TOPIC = "hotfix-status-changed";
    public static final String TYPE = "io.supportplatform.hotfix-status-changed.v1";
}
