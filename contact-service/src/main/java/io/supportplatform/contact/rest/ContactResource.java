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
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.supportplatform.contact.mapping.ContactMapper;
import io.supportplatform.contact.service.ContactService;

@Path("/api/accounts/{systemId}/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authorized contacts")
public class ContactResource {

    /**
     * Short enough that a caller which caches the answer honours a revocation within seconds (the issue's
     * "visible to ticket filing within seconds"); long enough to spare this service a lookup per request of a
     * burst. Private: the answer depends on the caller's token, so no shared cache may keep it.
     */
    static final int AUTHORIZATION_MAX_AGE_SECONDS = 5;
    private static final CacheControl AUTHORIZATION_CACHE = authorizationCache();

    private static CacheControl authorizationCache() {
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoTransform(false);
        cache.setMaxAge(AUTHORIZATION_MAX_AGE_SECONDS);
        return cache;
    }

    private final ContactService contacts;
    private final SecurityIdentity identity;

    public ContactResource(ContactService contacts, SecurityIdentity identity) {
        this.contacts = contacts;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ SUPERVISOR, ADMIN })
    @Operation(summary = "Authorize a contact", description = "Records a contact the customer named in writing "
            + "(P12.3, P12.4). The account's current contacts never exceed its agreed quota (P12.2), and no two "
            + "current contacts share an e-mail address.")
    @APIResponse(responseCode = "201", description = "Authorized; Location points at the contact")
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in `violations`")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "Quota reached, or the e-mail address is in use already")
    public Uni<RestResponse<ContactResponse>> authorize(@PathParam("systemId") String systemId,
            @NotNull @Valid NewContactRequest request) {
        return contacts.authorize(systemId, ContactMapper.toNewContact(request), Requesters.of(identity))
                .map(contact -> RestResponse.ResponseBuilder
                        .<ContactResponse> created(UriBuilder.fromResource(ContactResource.class)
                                .path("{contactId}").build(systemId, contact.getId()))
                        .entity(ContactMapper.toResponse(contact, contacts.today()))
                        .build());
    }

    @GET
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "List an account's contacts", description = "Current and ended ones. Support staff see "
            + "every account's contacts, a customer only their own account's; another account is answered 404.")
    @APIResponse(responseCode = "200", description = "The contacts, oldest authorization first")
    @APIResponse(responseCode = "404", description = "No such account visible to the caller")
    public Uni<List<ContactResponse>> list(@PathParam("systemId") String systemId) {
        return contacts.list(systemId, Requesters.of(identity)).map(list -> {
            var today = contacts.today();
            return list.stream().map(contact -> ContactMapper.toResponse(contact, today)).toList();
        });
    }

    @GET
    @Path("/{contactId}")
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Read a contact")
    @APIResponse(responseCode = "200", description = "The contact")
    @APIResponse(responseCode = "404", description = "No such contact visible to the caller")
    public Uni<ContactResponse> get(@PathParam("systemId") String systemId,
            @PathParam("contactId") String contactId) {
        return contacts.find(systemId, contactId, Requesters.of(identity))
                .map(contact -> ContactMapper.toResponse(contact, contacts.today()));
    }

    @DELETE
    @Path("/{contactId}")
    @RolesAllowed({ SUPERVISOR, ADMIN })
    @Operation(summary = "Revoke a contact", description = "Ends the authorization today; the record stays as "
            + "history and its slot of the quota is free at once. Revoking an ended contact changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such contact")
    public Uni<Void> revoke(@PathParam("systemId") String systemId, @PathParam("contactId") String contactId) {
        return contacts.revoke(systemId, contactId, Requesters.of(identity)).replaceWithVoid();
    }

    @GET
    @Path("/{userId}/authorization")
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "May this user ask for support for this account now?", description = "For other services "
            + "(client credentials: the service account carries a staff role) and for a customer about themselves. "
            + "`userId` is the Keycloak user id (token `sub`) of the contact. Authorized means: an active "
            + "authorized contact today (P12.1, P12.3) of an active account; otherwise `reason` says why not. "
            + "Cacheable privately for " + AUTHORIZATION_MAX_AGE_SECONDS + " s.")
    @APIResponse(responseCode = "200", description = "The answer, also when the account is unknown")
    @APIResponse(responseCode = "403", description = "A customer asking about another user of their account")
    @APIResponse(responseCode = "404", description = "A customer asking about another account")
    public Uni<RestResponse<AuthorizationResponse>> authorization(@PathParam("systemId") String systemId,
            @PathParam("userId") String userId) {
        return contacts.authorization(systemId, userId, Requesters.of(identity))
                .map(answer -> RestResponse.ResponseBuilder.ok(ContactMapper.toResponse(answer))
                        .cacheControl(AUTHORIZATION_CACHE)
                        .build());
    }
}
