package io.supportplatform.contact.client;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/**
 * The part of Keycloak's admin REST API ({@code <server>/admin/realms/<realm>}) that links contacts to users.
 * Authenticated as the service account of client {@code contact-service} (client credentials, OIDC client
 * {@code keycloak-admin}), which holds realm-management roles manage-users, view-users and query-users only.
 * Representations are kept as maps: a user is read and written back whole, so that fields this service does not
 * know survive an update.
 */
@OidcClientFilter("keycloak-admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface KeycloakAdminApi {

    @GET
    @Path("/users")
    Uni<List<Map<String, Object>>> usersByEmail(@QueryParam("email") String email, @QueryParam("exact") boolean exact);

    /** 201 with the new user's URL in {@code Location}. */
    @POST
    @Path("/users")
    Uni<Response> createUser(Map<String, Object> user);

    @GET
    @Path("/users/{id}")
    Uni<Map<String, Object>> user(@PathParam("id") String id);

    @PUT
    @Path("/users/{id}")
    Uni<Void> updateUser(@PathParam("id") String id, Map<String, Object> user);

    @GET
    @Path("/roles/{name}")
    Uni<Map<String, Object>> realmRole(@PathParam("name") String name);

    @POST
    @Path("/users/{id}/role-mappings/realm")
    Uni<Void> addRealmRoles(@PathParam("id") String id, List<Map<String, Object>> roles);

    @DELETE
    @Path("/users/{id}/role-mappings/realm")
    Uni<Void> removeRealmRoles(@PathParam("id") String id, List<Map<String, Object>> roles);
}
