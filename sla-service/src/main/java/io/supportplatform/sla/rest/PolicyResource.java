package io.supportplatform.sla.rest;

import io.smallrye.mutiny.Uni;
import io.supportplatform.sla.domain.SlaPolicies;
import io.supportplatform.sla.mapping.PolicyDocument;
import io.supportplatform.sla.mapping.PolicyMapper;
import io.supportplatform.sla.service.PolicyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Versioned SLA policies (P8, P13, P16.1): support reads them, admins and supervisors create and activate. */
@Path("/api/sla/policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SLA policies")
public class PolicyResource {

    private final PolicyService policies;
    private final Clock time;

    public PolicyResource(PolicyService policies, Clock time) {
        this.policies = policies;
        this.time = time;
    }

    /** When a draft is to come into force. */
    public record Activation(String effectiveFrom) {
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.TIER2, Roles.SUPERVISOR, Roles.OPS, Roles.ADMIN})
    @Operation(summary = "Every policy version with its targets, warning share, escalation levels and status")
    public Uni<List<PolicyView>> versions() {
        Instant now = time.instant();
        return policies.versions().map(all -> {
            SlaPolicies active = new SlaPolicies(all);
            return all.stream().map(policy -> PolicyView.of(policy, active, now)).toList();
        });
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({Roles.AGENT, Roles.TIER2, Roles.SUPERVISOR, Roles.OPS, Roles.ADMIN})
    @Operation(summary = "One policy version")
    @APIResponse(responseCode = "404", description = "No such version", content = @Content(mediaType = "application/problem+json"))
    public Uni<PolicyView> version(@PathParam("version") String version) {
        Instant now = time.instant();
        return policies.version(version).flatMap(policy -> policies.versions()
                .map(all -> PolicyView.of(policy, new SlaPolicies(all), now)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Create a policy version as a draft",
            description = "Targets per clock type (FIRST_RESPONSE, NEXT_RESPONSE, TIER2_CALLBACK) and severity, each"
                    + " counted AROUND_THE_CLOCK or in the region's BUSINESS_HOURS; optionally for one account only.")
    @APIResponse(responseCode = "201", description = "Created as a draft")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The version exists already",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> create(PolicyDocument document, @Context UriInfo uri) {
        Instant now = time.instant();
        return Uni.createFrom().item(() -> PolicyMapper.toDraft(document))
                .flatMap(policies::create)
                .map(created -> Response.created(uri.getAbsolutePathBuilder().path(created.version()).build())
                        .entity(PolicyView.of(created, new SlaPolicies(List.of()), now)).build());
    }

    @POST
    @Path("/{version}/activation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Activate a draft from an instant on (now or later)",
            description = "Tickets filed from then on get this version and keep it (P16.1).")
    @APIResponse(responseCode = "200", description = "Activated")
    @APIResponse(responseCode = "400", description = "effectiveFrom is not a timestamp",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such version", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Active already, effectiveFrom in the past, or another version"
            + " for the same accounts starts at that instant", content = @Content(mediaType = "application/problem+json"))
    public Uni<PolicyView> activate(@PathParam("version") String version, Activation activation) {
        return Uni.createFrom().item(() -> PolicyMapper.effectiveFrom(activation == null ? null : activation.effectiveFrom()))
                .flatMap(effectiveFrom -> policies.activate(version, effectiveFrom))
                .flatMap(activated -> version(activated.version()));
    }
}
