package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.rest.Roles.ADMIN;
import static io.supportplatform.ticket.rest.Roles.AGENT;
import static io.supportplatform.ticket.rest.Roles.CUSTOMER;
import static io.supportplatform.ticket.rest.Roles.SUPERVISOR;
import static io.supportplatform.ticket.rest.Roles.TIER2;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonString;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.domain.Requester;
import io.supportplatform.ticket.mapping.TicketMapper;
import io.supportplatform.ticket.service.TicketService;

@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class TicketResource {

    /** Token claim naming a customer user's account (docs/DEVELOPMENT.md, "Identity and tenancy"). */
    static final String SYSTEM_ID_CLAIM = "system_id";

    private final TicketService tickets;
    private final SecurityIdentity identity;

    public TicketResource(TicketService tickets, SecurityIdentity identity) {
        this.tickets = tickets;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ CUSTOMER, AGENT, SUPERVISOR, ADMIN })
    @Operation(summary = "File a ticket", description = "Creates a ticket with its ticket number (P2.2, P6.1). "
            + "A customer may only file for the account (system ID) in their token.")
    @APIResponse(responseCode = "201", description = "Filed; Location points at the new ticket")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in `violations`")
    @APIResponse(responseCode = "403", description = "Role not allowed, or a customer filing for another account")
    public Uni<RestResponse<TicketResponse>> file(@NotNull @Valid NewTicketRequest request) {
        return tickets.file(TicketMapper.toNewTicket(request), requester())
                .map(ticket -> RestResponse.ResponseBuilder
                        .<TicketResponse> created(UriBuilder.fromResource(TicketResource.class)
                                .path("{id}").build(ticket.getId()))
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
        return tickets.find(id, requester()).map(TicketMapper::toResponse);
    }

    /** Scoping comes from the verified token only, never from request parameters. */
    private Requester requester() {
        boolean staff = identity.hasRole(AGENT) || identity.hasRole(TIER2) || identity.hasRole(SUPERVISOR)
                || identity.hasRole(ADMIN);
        Optional<String> systemId = identity.getPrincipal() instanceof JsonWebToken token
                ? Optional.ofNullable(token.getClaim(SYSTEM_ID_CLAIM)).map(TicketResource::claimText)
                : Optional.empty();
        return new Requester(identity.getPrincipal().getName(), staff, systemId);
    }

    private static String claimText(Object claim) {
        return claim instanceof JsonString text ? text.getString() : claim.toString();
    }
}
