package io.supportplatform.sla.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.supportplatform.sla.service.Viewer;
import jakarta.json.JsonString;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is asking, from the token: support staff see every account; a customer the one of its system_id claim. */
final class Viewers {

    private static final Set<String> STAFF_ROLES = Set.of(Roles.AGENT, Roles.TIER2, Roles.SUPERVISOR, Roles.OPS,
            Roles.ADMIN);

    private Viewers() {
    }

    static Viewer of(SecurityIdentity identity, JsonWebToken token) {
        if (STAFF_ROLES.stream().anyMatch(identity::hasRole)) {
            return Viewer.staff();
        }
        Object systemId = token.getClaim("system_id");
        return Viewer.customerOf(systemId instanceof JsonString text ? text.getString()
                : systemId == null ? null : systemId.toString());
    }
}
