package io.supportplatform.sla.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.sla.service.ClockService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sla/tickets/{ticketId}/clocks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Response clocks")
public class TicketClockResource {

    private final ClockService clocks;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final Clock time;

    public TicketClockResource(ClockService clocks, SecurityIdentity identity, JsonWebToken token, Clock time) {
        this.clocks = clocks;
        this.identity = identity;
        this.token = token;
        this.time = time;
    }

    @GET
    @RolesAllowed({"customer", "agent", "tier2", "supervisor", "ops", "admin"})
    @Operation(summary = "The ticket's response clocks as they stand now",
            description = "State, target, deadline, remaining or overdue time, time counted and paused, policy"
                    + " version and the history of each clock. Customers see only tickets of their own account"
                    + " (token claim system_id).")
    @APIResponse(responseCode = "200", description = "The ticket's clocks")
    @APIResponse(responseCode = "400", description = "ticketId is not a UUID",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No clocks for this ticket, or not the caller's account",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<List<ClockView>> clocks(@PathParam("ticketId") String ticketId) {
        UUID id = parseTicketId(ticketId);
        Instant now = time.instant();
        return clocks.clocksOf(id, Viewers.of(identity, token), now)
                .map(list -> list.stream().map(reading -> ClockView.of(reading, now)).toList());
    }

    private static UUID parseTicketId(String ticketId) {
        try {
            return UUID.fromString(ticketId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("ticketId", "UUID", "must be a UUID");
        }
    }
}
