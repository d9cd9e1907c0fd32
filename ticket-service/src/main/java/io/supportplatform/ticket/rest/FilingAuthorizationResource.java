package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.rest.Roles.CUSTOMER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.ticket.domain.Requester;
import io.supportplatform.ticket.service.AuthorizedContacts;

/**
 * Lets the portal (or the product's "Request Support" dialog) tell a customer before they write a ticket whether
 * they may file it, and why not.
 */
@Path("/api/tickets/filing-authorization")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class FilingAuthorizationResource {

    private final AuthorizedContacts contacts;
    private final CurrentRequester requester;

    public FilingAuthorizationResource(AuthorizedContacts contacts, CurrentRequester requester) {
        this.contacts = contacts;
        this.requester = requester;
    }

    @GET
    @RolesAllowed(CUSTOMER)
    @Operation(summary = "May I file tickets for my account now?", description = "Only an active authorized contact "
            + "(P12.1) of an active account may file or reply; the answer comes from ticket-service's own copy of "
            + "contact-service's contacts, the same one filing checks.")
    @APIResponse(responseCode = "200", description = "The answer, with the reason when not authorized")
    @APIResponse(responseCode = "403", description = "Not a customer, or a token without an account")
    public Uni<FilingAuthorizationResponse> get() {
        Requester caller = requester.get();
        String systemId = caller.systemId().orElseThrow(() -> ProblemException.forbidden(
                "Your account carries no system ID, so you cannot file tickets."));
        return contacts.authorization(caller, systemId)
                .map(answer -> new FilingAuthorizationResponse(systemId, answer.authorized(),
                        answer.reason().map(Enum::name).orElse(null), answer.day(), answer.message().orElse(null)));
    }
}
