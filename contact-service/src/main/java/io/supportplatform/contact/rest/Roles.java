package io.supportplatform.contact.rest;

/** Keycloak realm roles of realm {@code support} that this service checks. */
public final class Roles {

    public static final String CUSTOMER = "customer";
    public static final String AGENT = "agent";
    public static final String TIER2 = "tier2";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
