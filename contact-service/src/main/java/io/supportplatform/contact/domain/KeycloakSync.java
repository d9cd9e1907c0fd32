package io.supportplatform.contact.domain;

/** How far the contact's {@link KeycloakAction} got. */
public enum KeycloakSync {
    /** To do, or to try again (Keycloak was unreachable); see the last error. */
    PENDING,
    DONE,
    /** Keycloak refused it for good (e.g. the user belongs to another account); see the error. */
    FAILED
}
