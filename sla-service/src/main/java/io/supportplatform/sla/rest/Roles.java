package io.supportplatform.sla.rest;

/** Realm roles (docs/DEVELOPMENT.md, Identity and tenancy) as the SLA API admits them. */
final class Roles {

    static final String CUSTOMER = "customer";
    static final String AGENT = "agent";
    static final String TIER2 = "tier2";
    static final String SUPERVISOR = "supervisor";
    static final String OPS = "ops";
    static final String ADMIN = "admin";

    private Roles() {
    }
}
