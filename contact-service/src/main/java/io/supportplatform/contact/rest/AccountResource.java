package io.supportplatform.contact.rest;

import static io.supportplatform.contact.rest.Roles.ADMIN;
import static io.supportplatform.contact.rest.Roles.AGENT;
import static io.supportplatform.contact.rest.Roles.CUSTOMER;
import static io.supportplatform.contact.rest.Roles.SUPERVISOR;
import static io.supportplatform.contact.rest.Roles.TIER2;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.supportplatform.contact.mapping.ContactMapper;
import io.supportplatform.contact.service.AccountService;

@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customer accounts")
public class AccountResource {

    private final AccountService accounts;
    private final SecurityIdentity identity;

    public AccountResource(AccountService accounts, SecurityIdentity identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ SUPERVISOR, ADMIN })
    @Operation(summary = "Open a customer account", description = "Creates the account under its system ID (P5.a) "
            + "with its agreed number of authorized contacts (P12.2).")
    @APIResponse(responseCode = "201", description = "Opened; Location points at the account")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in `violations`, including a "
            + "license code that does not start with the system ID")
    @APIResponse(responseCode = "409", description = "An account with this system ID exists already")
    public Uni<RestResponse<AccountResponse>> open(@NotNull @Valid NewAccountRequest request) {
        return accounts.open(ContactMapper.toNewAccount(request), Requesters.of(identity))
                .map(account -> RestResponse.ResponseBuilder
                        .<AccountResponse> created(UriBuilder.fromResource(AccountResource.class)
                                .path("{systemId}").build(account.getSystemId()))
                        .entity(ContactMapper.toResponse(account))
                        .build());
    }

    @GET
    @RolesAllowed({ AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "List customer accounts", description = "Support staff only, ordered by system ID.")
    @APIResponse(responseCode = "200", description = "One page of accounts")
    public Uni<List<AccountResponse>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return accounts.list(page, size).map(list -> list.stream().map(ContactMapper::toResponse).toList());
    }

    @GET
    @Path("/{systemId}")
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Read a customer account", description = "Support staff see every account; a customer "
            + "only their own. Another account is answered 404, as is a system ID without account.")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "404", description = "No such account visible to the caller")
    public Uni<AccountResponse> get(@PathParam("systemId") String systemId) {
        return accounts.find(systemId, Requesters.of(identity)).map(ContactMapper::toResponse);
    }

    @PUT
    @Path("/{systemId}")
    @RolesAllowed({ SUPERVISOR, ADMIN })
    @Operation(summary = "Replace an account's terms", description = "Sets name, region, support level, contact "
            + "quota and status. The quota may not drop below the account's current authorized contacts (P12.2). "
            + "Each change is recorded in the audit trail and published as customer-account-changed.")
    @APIResponse(responseCode = "200", description = "The changed account")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in `violations`")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "The new contact quota is below the current contacts")
    public Uni<AccountResponse> replace(@PathParam("systemId") String systemId,
            @NotNull @Valid AccountTermsRequest request) {
        return accounts.change(systemId, current -> ContactMapper.toTerms(request), Requesters.of(identity))
                .map(ContactMapper::toResponse);
    }

    @PATCH
    @Path("/{systemId}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @RolesAllowed({ SUPERVISOR, ADMIN })
    @Operation(summary = "Change some of an account's terms", description = "Fields left out keep their value. The "
            + "quota may not drop below the account's current authorized contacts (P12.2).")
    @APIResponse(responseCode = "200", description = "The changed account")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in `violations`")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "The new contact quota is below the current contacts")
    public Uni<AccountResponse> change(@PathParam("systemId") String systemId,
            @NotNull @Valid AccountPatchRequest request) {
        return accounts.change(systemId, current -> ContactMapper.patch(current, request), Requesters.of(identity))
                .map(ContactMapper::toResponse);
    }
}
