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
import io.supportplatform.ticket.domain.CallDirection;
import io.supportplatform.ticket.domain.Requester;
import io.supportplatform.ticket.mapping.WorkMapper;
import io.supportplatform.ticket.service.PhoneContactDraft;
import io.supportplatform.ticket.service.PhoneContactService;

/** Phone support (P4): calls logged against a ticket. */
@Path("/api/tickets/{id}/phone-contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Working a ticket")
public class PhoneContactResource {

    private final PhoneContactService calls;
    private final CurrentRequester requester;

    public PhoneContactResource(PhoneContactService calls, CurrentRequester requester) {
        this.calls = calls;
        this.requester = requester;
    }

    @POST
    @RolesAllowed({ AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Log a phone contact", description = "Only against an existing ticket (P4.2). OUTBOUND "
            + "unless said otherwise (P4.1); INBOUND calls carry no service level (P4.3). Publishes "
            + "phone-contact-logged.")
    @APIResponse(responseCode = "201", description = "The logged call")
    @APIResponse(responseCode = "400", description = "Invalid fields (e.g. a call in the future), each named")
    @APIResponse(responseCode = "403", description = "Customers")
    @APIResponse(responseCode = "404", description = "No such ticket: no phone support without one (P4.2)")
    public Uni<RestResponse<PhoneContactResponse>> log(@PathParam("id") String id,
            @NotNull @Valid NewPhoneContactRequest request) {
        PhoneContactDraft call = new PhoneContactDraft(request.tier(),
                request.direction() == null ? CallDirection.OUTBOUND : request.direction(), request.calledAt(),
                request.contactName(), Optional.ofNullable(request.summary()).filter(text -> !text.isBlank()));
        return calls.log(id, call, requester.get())
                .map(logged -> RestResponse.status(RestResponse.Status.CREATED, WorkMapper.toResponse(logged, true)));
    }

    @GET
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "A ticket's phone contacts", description = "In the order of the calls. Customers see "
            + "that and when support called whom, but not the summary: it may carry support's internal diagnosis.")
    @APIResponse(responseCode = "200", description = "The calls")
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller")
    public Uni<List<PhoneContactResponse>> calls(@PathParam("id") String id) {
        Requester caller = requester.get();
        return calls.calls(id, caller)
                .map(logged -> logged.stream().map(call -> WorkMapper.toResponse(call, caller.staff())).toList());
    }
}
