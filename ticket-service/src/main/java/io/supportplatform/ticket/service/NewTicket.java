package io.supportplatform.ticket.service;

import io.supportplatform.ticket.domain.FilingDetails;

/** What a requester gives when filing a ticket, already validated. */
public record NewTicket(String systemId, int severity, String subject, String description, FilingDetails details) {
}
