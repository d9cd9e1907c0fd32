package io.supportplatform.gateway.domain;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * One public API area of the platform: the path prefixes it owns, the service that answers them and the
 * realm roles allowed to reach it. The service checks finer rules itself (tenancy, internal notes).
 */
public record GatewayRoute(String name, List<String> pathPrefixes, URI upstream, Set<String> rolesAllowed) {

    /** Stands for "any authenticated user", as in Quarkus' {@code @RolesAllowed("**")}. */
    public static final String ANY_AUTHENTICATED = "**";

    public GatewayRoute {
        pathPrefixes = List.copyOf(pathPrefixes);
        rolesAllowed = Set.copyOf(rolesAllowed);
    }

    /** Whether a caller holding these realm roles may use this route at all. */
    public boolean admits(Set<String> callerRoles) {
        return rolesAllowed.contains(ANY_AUTHENTICATED) || callerRoles.stream().anyMatch(rolesAllowed::contains);
    }
}
