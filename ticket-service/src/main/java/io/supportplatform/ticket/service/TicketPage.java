package io.supportplatform.ticket.service;

import java.util.List;
import java.util.Optional;

import io.supportplatform.ticket.domain.Ticket;

/** One page of a ticket list and where the next one starts (empty on the last page). */
public record TicketPage(List<Ticket> tickets, Optional<PageCursor> next) {
}
