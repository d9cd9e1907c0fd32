package io.supportplatform.contact.rest;

import static io.supportplatform.contact.rest.Roles.ADMIN;
import static io.supportplatform.contact.rest.Roles.CUSTOMER;
import static io.supportplatform.contact.rest.Roles.SUPERVISOR;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.supportplatform.contact.mapping.ContactMapper;
import io.supportplatform.contact.service.AccountService;

@Path("/api/accounts/{systemId}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail")
public class AuditResource {

    private final AccountService accounts;
    private final SecurityIdentity identity;

    public AuditResource(AccountService accounts, SecurityIdentity identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    /*
     * Customers read their own account's trail: it is the record of the changes they notified in writing
     * (P12.4), so they can check it. Agents and tier-2 need the current contacts, not their history.
     */
    @GET
    @RolesAllowed({ CUSTOMER, SUPERVISOR, ADMIN })
    @Operation(summary = "Read an account's audit trail", description = "Every change to the account and its "
            + "contacts: who, when, what, and the state before and after (P12.4). Newest first. Supervisors and "
            + "admins read every account's trail, a customer only their own account's; another account is 404.")
    @APIResponse(responseCode = "200", description = "One page of the trail")
    @APIResponse(responseCode = "404", description = "No such account visible to the caller")
    public Uni<List<AuditEntryResponse>> trail(@PathParam("systemId") String systemId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return accounts.trail(systemId, Requesters.of(identity), page, size)
                .map(entries -> entries.stream().map(ContactMapper::toResponse).toList());
    }
}
