package io.supportplatform.kb.rest;

import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;
import io.supportplatform.kb.domain.Audience;

/** Which roles count as staff for reading: they see drafts and internal articles; everyone else does not. */
final class Audiences {

    static final String[] WRITERS = { "agent", "tier2", "supervisor", "admin" };
    private static final Set<String> STAFF = Set.of(WRITERS);

    private Audiences() {
    }

    static Audience of(SecurityIdentity identity) {
        return identity.getRoles().stream().anyMatch(STAFF::contains) ? Audience.STAFF : Audience.CUSTOMER;
    }
}
