package io.supportplatform.sla.domain;

/** A ticket event as read, with the CloudEvent envelope it arrived in (kept for later derivations). */
public record ReceivedEvent(TicketEvent event, String envelope) {
}
