package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.rest.Roles.ADMIN;
import static io.supportplatform.ticket.rest.Roles.AGENT;
import static io.supportplatform.ticket.rest.Roles.CUSTOMER;
import static io.supportplatform.ticket.rest.Roles.SUPERVISOR;
import static io.supportplatform.ticket.rest.Roles.TIER2;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.mapping.WorkMapper;
import io.supportplatform.ticket.service.SupportAccessService;

/** The customer's grants of support access to their system (P7.1). */
@Path("/api/tickets/{id}/support-access")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Working a ticket")
public class SupportAccessResource {

    private final SupportAccessService access;
    private final CurrentRequester requester;

    public SupportAccessResource(SupportAccessService access, CurrentRequester requester) {
        this.access = access;
        this.requester = requester;
    }

    @POST
    @RolesAllowed(CUSTOMER)
    @Operation(summary = "Grant support access", description = "By a customer contact of the ticket's account "
            + "(P7.1): what support may access, until when.")
    @APIResponse(responseCode = "201", description = "The grant")
    @APIResponse(responseCode = "400", description = "Invalid fields (e.g. expiry in the past or too far ahead)")
    @APIResponse(responseCode = "403", description = "Support staff: only the customer grants access")
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller")
    @APIResponse(responseCode = "409", description = "The ticket is closed")
    public Uni<RestResponse<SupportAccessResponse>> grant(@PathParam("id") String id,
            @NotNull @Valid NewSupportAccessRequest request) {
        return access.grant(id, request.scope(), request.expiresAt(), requester.get())
                .map(grant -> RestResponse.status(RestResponse.Status.CREATED,
                        WorkMapper.toResponse(grant, Instant.now())));
    }

    @POST
    @Path("/{grantId}/revocation")
    @RolesAllowed(CUSTOMER)
    @Operation(summary = "Revoke support access", description = "The customer ends an active grant early.")
    @APIResponse(responseCode = "200", description = "The revoked grant")
    @APIResponse(responseCode = "403", description = "Support staff")
    @APIResponse(responseCode = "404", description = "No such ticket or grant visible to the caller")
    @APIResponse(responseCode = "409", description = "The grant is already expired or revoked")
    public Uni<SupportAccessResponse> revoke(@PathParam("id") String id, @PathParam("grantId") String grantId) {
        return access.revoke(id, grantId, requester.get()).map(grant -> WorkMapper.toResponse(grant, Instant.now()));
    }

    @GET
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "A ticket's support access grants", description = "Oldest first, each with its state "
            + "computed now; `active=true` lists only those support may use now.")
    @APIResponse(responseCode = "200", description = "The grants")
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller")
    public Uni<List<SupportAccessResponse>> grants(@PathParam("id") String id,
            @QueryParam("active") boolean activeOnly) {
        return access.grants(id, activeOnly, requester.get()).map(grants -> {
            Instant now = Instant.now();
            return grants.stream().map(grant -> WorkMapper.toResponse(grant, now)).toList();
        });
    }
}
