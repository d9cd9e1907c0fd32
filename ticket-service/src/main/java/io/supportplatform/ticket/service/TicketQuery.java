package io.supportplatform.ticket.service;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.supportplatform.ticket.domain.Severity;
import io.supportplatform.ticket.domain.TicketStatus;

/**
 * A page request of {@code GET /api/tickets}: filters (all optional, combined with AND; several values of one
 * filter with OR), the order and where the page starts.
 *
 * @param systemId the account filter support may set; a customer's own account is forced on top of it
 * @param assignee only tickets assigned to this support user
 * @param flagged only tickets accepted with (true) or without (false) eligibility flags
 * @param after the last ticket of the previous page, when this is not the first page
 */
public record TicketQuery(Set<TicketStatus> statuses, Set<Severity> severities, Optional<String> systemId,
        Optional<String> assignee, Optional<Boolean> flagged, Optional<Instant> createdFrom, Optional<Instant> createdTo, TicketOrder order, Optional<PageCursor> after,
        int limit) {
}
