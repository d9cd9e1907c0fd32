package io.supportplatform.ticket.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code io.supportplatform.ticket-resolved.v1} (deploy/contracts/ticket-resolved.v1.schema.json):
 * published right after the {@code ticket-status-changed} to RESOLVED, from the same transaction, with what
 * kb-service needs to learn from the solved problem.
 */
public record TicketResolved(long sequence, UUID ticketId, String ticketNumber, String systemId, int severity,
        String subject, List<NameVersion> products, List<NameVersion> platforms, String resolution,
        List<String> linkedArticleIds, String resolvedBy, Instant resolvedAt) {

    public static final String TOPIC = "ticket-resolved";
    public static final String TYPE = "io.supportplatform.ticket-resolved.v1";

    /** A product or platform with its version (patches are left out of this event). */
    public record NameVersion(String name, String version) {
    }
}
