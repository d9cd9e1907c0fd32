package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.rest.Roles.ADMIN;
import static io.supportplatform.ticket.rest.Roles.AGENT;
import static io.supportplatform.ticket.rest.Roles.SUPERVISOR;
import static io.supportplatform.ticket.rest.Roles.TIER2;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.mapping.TicketMapper;
import io.supportplatform.ticket.mapping.WorkMapper;
import io.supportplatform.ticket.service.DevelopmentService;

/**
 * Escalation to development (P10) and hotfix tracking (P11), by support. The customer sees the outcome in the
 * ticket's {@code development} (estimated fix date, hotfix status), never the rounds' reasons and references.
 */
@Path("/api/tickets/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Working a ticket")
public class DevelopmentEscalationResource {

    private final DevelopmentService development;
    private final CurrentRequester requester;

    public DevelopmentEscalationResource(DevelopmentService development, CurrentRequester requester) {
        this.development = development;
        this.requester = requester;
    }

    @POST
    @Path("/development-escalations")
    @RolesAllowed({ AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Escalate a ticket to development", description = "Records the next round (P10.1) with "
            + "reason and development reference; publishes ticket-development-escalated.")
    @APIResponse(responseCode = "201", description = "The round")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in `violations`")
    @APIResponse(responseCode = "403", description = "Customers")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "409", description = "The ticket is RESOLVED or CLOSED")
    public Uni<RestResponse<DevelopmentEscalationResponse>> escalate(@PathParam("id") String id,
            @NotNull @Valid DevelopmentEscalationRequest request) {
        return development.escalate(id, request.reason(), request.developmentReference(), requester.get())
                .map(round -> RestResponse.status(RestResponse.Status.CREATED, WorkMapper.toResponse(round)));
    }

    @GET
    @Path("/development-escalations")
    @RolesAllowed({ AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "A ticket's rounds of escalation to development", description = "Support only: reasons "
            + "and references are internal.")
    @APIResponse(responseCode = "200", description = "The rounds, first first")
    @APIResponse(responseCode = "403", description = "Customers")
    @APIResponse(responseCode = "404", description = "No such ticket")
    public Uni<List<DevelopmentEscalationResponse>> rounds(@PathParam("id") String id) {
        return development.rounds(id, requester.get())
                .map(rounds -> rounds.stream().map(WorkMapper::toResponse).toList());
    }

    @PUT
    @Path("/hotfix/estimate")
    @RolesAllowed({ AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Tell the customer the estimated fix date", description = "P11.1; hotfix status PLANNED. "
            + "Publishes hotfix-status-changed (not when the same date is given again).")
    @APIResponse(responseCode = "200", description = "The ticket")
    @APIResponse(responseCode = "400", description = "Date missing or in the past")
    @APIResponse(responseCode = "403", description = "Customers")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "409", description = "Not escalated to development, closed, or a hotfix is out")
    public Uni<TicketResponse> estimate(@PathParam("id") String id, @NotNull @Valid FixEstimateRequest request) {
        return development.estimateFix(id, request.estimatedFixDate(), requester.get())
                .map(TicketMapper::toResponse);
    }

    @POST
    @Path("/hotfix/release")
    @RolesAllowed({ AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Record the hotfix's release", description = "P11.2, with its version or patch id; "
            + "publishes hotfix-status-changed.")
    @APIResponse(responseCode = "200", description = "The ticket")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in `violations`")
    @APIResponse(responseCode = "403", description = "Customers")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "409", description = "Not escalated to development, closed, or already released")
    public Uni<TicketResponse> release(@PathParam("id") String id, @NotNull @Valid HotfixReleaseRequest request) {
        return development.releaseHotfix(id, request.hotfixVersion(), requester.get()).map(TicketMapper::toResponse);
    }

    @POST
    @Path("/hotfix/verification")
    @RolesAllowed({ AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Record the verification of the released hotfix", description = "P11.2: VERIFIED or "
            + "VERIFICATION_FAILED; publishes hotfix-status-changed.")
    @APIResponse(responseCode = "200", description = "The ticket")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in `violations`")
    @APIResponse(responseCode = "403", description = "Customers")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "409", description = "No released hotfix awaits verification")
    public Uni<TicketResponse> verify(@PathParam("id") String id, @NotNull @Valid HotfixVerificationRequest request) {
        return development.verifyHotfix(id, request.passed(), requester.get()).map(TicketMapper::toResponse);
    }
}
