package io.supportplatform.ticket.service;

/** What a requester gives when filing a ticket, already validated. */
public record NewTicket(String systemId, int severity, String subject, String description) {
}
