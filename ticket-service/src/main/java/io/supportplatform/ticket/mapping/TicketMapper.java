package io.supportplatform.ticket.mapping;

import io.supportplatform.ticket.domain.Ticket;
import io.supportplatform.ticket.rest.NewTicketRequest;
import io.supportplatform.ticket.rest.TicketResponse;
import io.supportplatform.ticket.service.NewTicket;

/** Between the REST representations and the domain. */
public final class TicketMapper {

    private TicketMapper() {
    }

    public static NewTicket toNewTicket(NewTicketRequest request) {
        return new NewTicket(request.systemId(), request.severity(), request.subject(), request.description());
    }

    public static TicketResponse toResponse(Ticket ticket) {
        return new TicketResponse(ticket.getId(), ticket.getTicketNumber(), ticket.getSystemId(),
                ticket.getSeverity().level(), ticket.getSubject(), ticket.getDescription(), ticket.getStatus().name(),
                ticket.getCreatedBy(), ticket.getCreatedAt(), ticket.getUpdatedAt());
    }
}
