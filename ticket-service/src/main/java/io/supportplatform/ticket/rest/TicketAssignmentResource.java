package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.rest.Roles.ADMIN;
import static io.supportplatform.ticket.rest.Roles.AGENT;
import static io.supportplatform.ticket.rest.Roles.SUPERVISOR;
import static io.supportplatform.ticket.rest.Roles.TIER2;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.mapping.TicketMapper;
import io.supportplatform.ticket.service.TicketWorkService;

/** Support working a ticket: who works it, in which queue, at which severity. */
@Path("/api/tickets/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Working a ticket")
public class TicketAssignmentResource {

    private final TicketWorkService work;
    private final CurrentRequester requester;
    private final SecurityIdentity identity;

    public TicketAssignmentResource(TicketWorkService work, CurrentRequester requester, SecurityIdentity identity) {
        this.work = work;
        this.requester = requester;
        this.identity = identity;
    }

    @PUT
    @Path("/assignment")
    @RolesAllowed({ AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Assign a ticket", description = "Puts the ticket into a configured queue and hands it to a "
            + "support user (or to nobody: assignee null). Agents assign themselves or nobody; supervisors and "
            + "admins anyone. Publishes ticket-assigned when something changed; the same assignment again is a "
            + "no-op.")
    @APIResponse(responseCode = "200", description = "The ticket as assigned")
    @APIResponse(responseCode = "400", description = "Unknown queue or malformed username, named in `violations`")
    @APIResponse(responseCode = "403", description = "Customers; agents assigning someone else")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "409", description = "The ticket is closed")
    public Uni<TicketResponse> assign(@PathParam("id") String id, @NotNull @Valid AssignmentRequest request) {
        boolean mayAssignOthers = identity.hasRole(SUPERVISOR) || identity.hasRole(ADMIN);
        return work.assign(id, request.queue(), Optional.ofNullable(request.assignee()), mayAssignOthers,
                requester.get()).map(TicketMapper::toResponse);
    }

    @POST
    @Path("/severity")
    @RolesAllowed({ AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Change a ticket's severity", description = "Re-rates the ticket (P8) with a mandatory "
            + "reason; publishes ticket-severity-changed, so the SLA clocks re-target.")
    @APIResponse(responseCode = "200", description = "The ticket at its new severity")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in `violations`")
    @APIResponse(responseCode = "403", description = "Customers")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "409", description = "The ticket is RESOLVED or CLOSED, or already has this severity")
    public Uni<TicketResponse> changeSeverity(@PathParam("id") String id,
            @NotNull @Valid SeverityChangeRequest request) {
        return work.changeSeverity(id, request.severity(), request.reason(), requester.get())
                .map(TicketMapper::toResponse);
    }
}
