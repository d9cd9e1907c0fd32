package io.supportplatform.contact.rest;

import static io.supportplatform.contact.rest.Roles.ADMIN;
import static io.supportplatform.contact.rest.Roles.AGENT;
import static io.supportplatform.contact.rest.Roles.CUSTOMER;
import static io.supportplatform.contact.rest.Roles.SUPERVISOR;
import static io.supportplatform.contact.rest.Roles.TIER2;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.supportplatform.contact.domain.Redesignation;
import io.supportplatform.contact.mapping.RedesignationMapper;
import io.supportplatform.contact.service.RedesignationService;

@Path("/api/accounts/{systemId}/redesignations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Redesignations")
public class RedesignationResource {

    private final RedesignationService redesignations;
    private final SecurityIdentity identity;

    public RedesignationResource(RedesignationService redesignations, SecurityIdentity identity) {
        this.redesignations = redesignations;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ CUSTOMER, SUPERVISOR, ADMIN })
    @Operation(summary = "Redesignate contacts from a future date", description = "The customer names, in advance,"
            + " the contacts to add and to remove from a date (P12.5); replacing one is removing it and adding the"
            + " successor together. Stored as pending and applied on its date by the activation job. The account's"
            + " contacts on that date (with the other pending redesignations) must stay within the agreed quota"
            + " (P12.2). A customer must be an authorized contact of the account.")
    @APIResponse(responseCode = "201", description = "Pending; Location points at the redesignation")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in `violations`")
    @APIResponse(responseCode = "403", description = "A customer user who is no authorized contact of the account")
    @APIResponse(responseCode = "404", description = "No such account visible to the caller")
    @APIResponse(responseCode = "409", description = "Over the quota on that date, an e-mail address in use, or a"
            + " removed contact gone by then")
    public Uni<RestResponse<RedesignationResponse>> submit(@PathParam("systemId") String systemId,
            @NotNull @Valid RedesignationRequest request) {
        return redesignations.submit(systemId, RedesignationMapper.toChanges(request), Requesters.of(identity))
                .map(change -> RestResponse.ResponseBuilder
                        .<RedesignationResponse> created(UriBuilder.fromResource(RedesignationResource.class)
                                .path("{id}").build(systemId, change.getId()))
                        .entity(toResponse(change))
                        .build());
    }

    @GET
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "List an account's redesignations", description = "Pending and settled, newest first.")
    @APIResponse(responseCode = "200", description = "The redesignations")
    @APIResponse(responseCode = "404", description = "No such account visible to the caller")
    public Uni<List<RedesignationResponse>> list(@PathParam("systemId") String systemId) {
        return redesignations.list(systemId, Requesters.of(identity))
                .map(list -> list.stream().map(this::toResponse).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Read a redesignation")
    @APIResponse(responseCode = "200", description = "The redesignation")
    @APIResponse(responseCode = "404", description = "No such redesignation visible to the caller")
    public Uni<RedesignationResponse> get(@PathParam("systemId") String systemId, @PathParam("id") String id) {
        return redesignations.find(systemId, id, Requesters.of(identity)).map(this::toResponse);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ CUSTOMER, SUPERVISOR, ADMIN })
    @Operation(summary = "Withdraw a pending redesignation", description = "Before its date only; the record stays"
            + " with status WITHDRAWN.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "No such redesignation visible to the caller")
    @APIResponse(responseCode = "409", description = "Not pending any more (applied, failed, withdrawn) or due")
    public Uni<Void> withdraw(@PathParam("systemId") String systemId, @PathParam("id") String id) {
        return redesignations.withdraw(systemId, id, Requesters.of(identity)).replaceWithVoid();
    }

    private RedesignationResponse toResponse(Redesignation change) {
        return RedesignationMapper.toResponse(change, redesignations.changesOf(change));
    }
}
