package io.supportplatform.kb.domain;

import java.time.Instant;
import java.util.List;

/**
 * A resolved ticket that no article covered: material for a new article (issue 6 item 4). It carries what
 * the ticket's {@code ticket-resolved} event said; {@code sequence} is that event's, so a later resolution of
 * the same ticket replaces an earlier one and a redelivery changes nothing.
 */
public record ArticleCandidate(String ticketId, String ticketNumber, String systemId, int severity, String subject,
        List<TicketItem> products, List<TicketItem> platforms, String resolution, String resolvedBy,
        Instant resolvedAt, long sequence, Status status) {

    public ArticleCandidate {
        products = List.copyOf(products);
        platforms = List.copyOf(platforms);
    }

    public enum Status {
        /** In the agents' queue. */
        PENDING,
        /** Turned into a draft article. */
        DRAFTED,
        /** Not worth an article. */
        DISMISSED
    }

    /** A product or platform as the ticket named it; {@code version} may be null. */
    public record TicketItem(String name, String version) {
    }
}
