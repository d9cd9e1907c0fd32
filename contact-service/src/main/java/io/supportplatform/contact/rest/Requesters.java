package io.supportplatform.contact.rest;

import static io.supportplatform.contact.rest.Roles.ADMIN;
import static io.supportplatform.contact.rest.Roles.AGENT;
import static io.supportplatform.contact.rest.Roles.SUPERVISOR;
import static io.supportplatform.contact.rest.Roles.TIER2;

import java.util.Optional;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.supportplatform.contact.domain.Requester;

/** Scoping comes from the verified token only, never from request parameters. */
final class Requesters {

    /** Token claim naming a customer user's account (docs/DEVELOPMENT.md, "Identity and tenancy"). */
    static final String SYSTEM_ID_CLAIM = "system_id";

    private Requesters() {
    }

    static Requester of(SecurityIdentity identity) {
        boolean staff = identity.hasRole(AGENT) || identity.hasRole(TIER2) || identity.hasRole(SUPERVISOR)
                || identity.hasRole(ADMIN);
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Optional<String> systemId = Optional.ofNullable(token.getClaim(SYSTEM_ID_CLAIM))
                    .map(Requesters::claimText);
            return new Requester(identity.getPrincipal().getName(), token.getSubject(), staff, systemId);
        }
        return new Requester(identity.getPrincipal().getName(), null, staff, Optional.empty());
    }

    private static String claimText(Object claim) {
        return claim instanceof JsonString text ? text.getString() : claim.toString();
    }
}
