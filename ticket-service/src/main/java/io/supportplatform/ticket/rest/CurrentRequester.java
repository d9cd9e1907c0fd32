package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.rest.Roles.ADMIN;
import static io.supportplatform.ticket.rest.Roles.AGENT;
import static io.supportplatform.ticket.rest.Roles.SUPERVISOR;
import static io.supportplatform.ticket.rest.Roles.TIER2;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.supportplatform.ticket.domain.Requester;

/** The caller of the current request, as tickets see them. */
@RequestScoped
public class CurrentRequester {

    /** Token claim naming a customer user's account (docs/DEVELOPMENT.md, "Identity and tenancy"). */
    static final String SYSTEM_ID_CLAIM = "system_id";

    private final SecurityIdentity identity;

    public CurrentRequester(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Scoping comes from the verified token only, never from request parameters. */
    public Requester get() {
        boolean staff = identity.hasRole(AGENT) || identity.hasRole(TIER2) || identity.hasRole(SUPERVISOR)
                || identity.hasRole(ADMIN);
        JsonWebToken token = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        Optional<String> systemId = token == null ? Optional.empty()
                : Optional.ofNullable(token.getClaim(SYSTEM_ID_CLAIM)).map(CurrentRequester::claimText);
        String userId = token == null ? null : token.getSubject();
        return new Requester(identity.getPrincipal().getName(), staff, systemId, userId);
    }

    private static String claimText(Object claim) {
        return claim instanceof JsonString text ? text.getString() : claim.toString();
    }
}
