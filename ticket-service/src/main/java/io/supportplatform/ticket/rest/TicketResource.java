package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.rest.Roles.ADMIN;
import static io.supportplatform.ticket.rest.Roles.AGENT;
import static io.supportplatform.ticket.rest.Roles.CUSTOMER;
import static io.supportplatform.ticket.rest.Roles.SUPERVISOR;
import static io.supportplatform.ticket.rest.Roles.TIER2;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.domain.ReplyVisibility;
import io.supportplatform.ticket.mapping.TicketMapper;
import io.supportplatform.ticket.service.TicketService;

@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class TicketResource {

    /** Where this resource's tickets are read (its path), for the Location of a filed ticket. */
    private static final String PATH = "/api/tickets/";

    private final TicketService tickets;
    private final CurrentRequester requester;

    public TicketResource(TicketService tickets, CurrentRequester requester) {
        this.tickets = tickets;
        this.requester = requester;
    }

    @POST
    @RolesAllowed({ CUSTOMER, AGENT, SUPERVISOR, ADMIN })
    @Operation(summary = "File a ticket", description = "Creates a ticket with its ticket number (P2.2, P6.1). "
            + "A customer may only file for the account (system ID) in their token.")
    @APIResponse(responseCode = "201", description = "Filed; Location points at the new ticket")
    @APIResponse(responseCode = "400", description = "Invalid fields, and the P5 items the severity demands "
            + "but the request lacks (ticket.filing.required), each named in `violations`")
    @APIResponse(responseCode = "403", description = "Role not allowed, or a customer filing for another account")
    public Uni<RestResponse<TicketResponse>> file(@NotNull @Valid NewTicketRequest request) {
        return tickets.file(TicketMapper.toNewTicket(request), TicketMapper.toExtras(request), requester.get())
                .map(ticket -> RestResponse.ResponseBuilder
                        .<TicketResponse> created(location(ticket.getId()))
                        .entity(TicketMapper.toResponse(ticket))
                        .build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Read a ticket", description = "Support staff see every ticket; a customer only their "
            + "account's. Another account's ticket is answered 404, as is an id that is no ticket.")
    @APIResponse(responseCode = "200", description = "The ticket")
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller")
    public Uni<TicketResponse> get(@PathParam("id") String id) {
        return tickets.find(id, requester.get()).map(TicketMapper::toResponse);
    }

    @POST
    @Path("/{id}/replies")
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Reply on a ticket", description = "A customer of the ticket's account posts a public "
            + "reply (customer-replied); while support waits for the customer this puts the ticket back to OPEN "
            + "(P9.3, ticket-status-changed). Support posts a public update or an internal note (agent-replied).")
    @APIResponse(responseCode = "201", description = "The reply")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in `violations`")
    @APIResponse(responseCode = "403", description = "Role not allowed, or a customer posting an internal note")
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller")
    @APIResponse(responseCode = "409", description = "The ticket is closed")
    public Uni<RestResponse<ReplyResponse>> reply(@PathParam("id") String id, @NotNull @Valid NewReplyRequest request) {
        ReplyVisibility visibility = request.visibility() == null ? ReplyVisibility.PUBLIC : request.visibility();
        return tickets.reply(id, request.body(), visibility, requester.get())
                .map(reply -> RestResponse.status(RestResponse.Status.CREATED, TicketMapper.toResponse(reply)));
    }

    @GET
    @Path("/{id}/replies")
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Read a ticket's replies", description = "Oldest first. Customers see only public "
            + "replies, never internal notes (P3.1); support sees all.")
    @APIResponse(responseCode = "200", description = "The replies")
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller")
    public Uni<List<ReplyResponse>> replies(@PathParam("id") String id) {
        return tickets.replies(id, requester.get())
                .map(replies -> replies.stream().map(TicketMapper::toResponse).toList());
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({ AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Change a ticket's status", description = "NEW -> OPEN -> WAITING_FOR_CUSTOMER <-> OPEN "
            + "-> RESOLVED -> CLOSED, RESOLVED -> REOPENED -> OPEN; publishes ticket-status-changed.")
    @APIResponse(responseCode = "200", description = "The ticket in its new status")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in `violations`")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "409", description = "The lifecycle does not allow this move from the current status")
    public Uni<TicketResponse> changeStatus(@PathParam("id") String id, @NotNull @Valid StatusChangeRequest request) {
        Optional<String> reason = Optional.ofNullable(request.reason()).filter(text -> !text.isBlank());
        return tickets.changeStatus(id, request.status(), reason, requester.get()).map(TicketMapper::toResponse);
    }

    /**
     * Where a filed ticket is read, relative: RESTEasy resolves it against the request's (forwarded) address. Built
     * by concatenation, not by UriBuilder, which reads the resource's annotation and parses a template per filing.
     */
    static URI location(UUID id) {
        return URI.create(PATH + id);
    }
}
