package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.rest.Roles.ADMIN;
import static io.supportplatform.ticket.rest.Roles.AGENT;
import static io.supportplatform.ticket.rest.Roles.CUSTOMER;
import static io.supportplatform.ticket.rest.Roles.SUPERVISOR;
import static io.supportplatform.ticket.rest.Roles.TIER2;

import java.util.List;
import java.util.Optional;

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
import io.supportplatform.ticket.mapping.WorkMapper;
import io.supportplatform.ticket.service.EscalationRequestService;

/** The customer asking for an update or a further escalation inside the ticket (P13.3). */
@Path("/api/tickets/{id}/escalation-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Working a ticket")
public class EscalationRequestResource {

    private final EscalationRequestService requests;
    private final CurrentRequester requester;

    public EscalationRequestResource(EscalationRequestService requests, CurrentRequester requester) {
        this.requests = requests;
        this.requester = requester;
    }

    @POST
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Ask for an update or a further escalation", description = "By a customer of the ticket's "
            + "account, or by support on the customer's behalf; publishes escalation-requested. The same kind "
            + "again within ticket.work.escalation-request-interval (default 15 minutes) is refused.")
    @APIResponse(responseCode = "201", description = "The request")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in `violations`")
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller")
    @APIResponse(responseCode = "409", description = "The same kind was asked for within the interval, or the "
            + "ticket is closed")
    public Uni<RestResponse<EscalationRequestResponse>> request(@PathParam("id") String id,
            @NotNull @Valid NewEscalationRequest request) {
        Optional<String> message = Optional.ofNullable(request.message()).filter(text -> !text.isBlank());
        return requests.request(id, request.kind(), message, requester.get())
                .map(made -> RestResponse.status(RestResponse.Status.CREATED, WorkMapper.toResponse(made)));
    }

    @GET
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "A ticket's escalation requests", description = "Oldest first.")
    @APIResponse(responseCode = "200", description = "The requests")
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller")
    public Uni<List<EscalationRequestResponse>> requests(@PathParam("id") String id) {
        return requests.requests(id, requester.get())
                .map(made -> made.stream().map(WorkMapper::toResponse).toList());
    }
}
