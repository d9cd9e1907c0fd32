package io.supportplatform.sla.rest;

import io.smallrye.mutiny.Uni;
import io.supportplatform.sla.mapping.CalendarDocument;
import io.supportplatform.sla.service.CalendarService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Regional business calendars (time zone, weekly opening hours, holidays) in which business-hours targets
 * such as the Tier-2 callback (P8.1) are counted. A change applies to a ticket's clocks from its next event.
 */
@Path("/api/sla/calendars")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Business calendars")
public class CalendarResource {

    private final CalendarService calendars;

    public CalendarResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.TIER2, Roles.SUPERVISOR, Roles.OPS, Roles.ADMIN})
    @Operation(summary = "Every region's business calendar")
    public Uni<List<CalendarView>> all() {
        return calendars.all().map(stored -> stored.stream().map(CalendarView::of).toList());
    }

    @GET
    @Path("/{region}")
    @RolesAllowed({Roles.AGENT, Roles.TIER2, Roles.SUPERVISOR, Roles.OPS, Roles.ADMIN})
    @Operation(summary = "One region's business calendar")
    @APIResponse(responseCode = "404", description = "No calendar for this region",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<CalendarView> of(@PathParam("region") String region) {
        return calendars.of(region).map(CalendarView::of);
    }

    @PUT
    @Path("/{region}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Create or replace a region's business calendar",
            description = "Validated as a whole (time zone, opening hours that do not overlap, valid dates and"
                    + " yearly rules) before anything is saved.")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> put(@PathParam("region") String region, CalendarDocument document) {
        return calendars.put(region, document)
                .flatMap(created -> calendars.of(region)
                        .map(stored -> Response.status(created ? 201 : 200).entity(CalendarView.of(stored)).build()));
    }
}
