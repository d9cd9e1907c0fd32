package io.supportplatform.contact.client;

/**
 * A Keycloak call that will not succeed by trying again (no such user, a user of another account, a refused
 * representation); anything else (Keycloak unreachable, 5xx, timeouts) is worth retrying.
 */
public class KeycloakFailure extends RuntimeException {

    public KeycloakFailure(String message) {
        super(message);
    }
}
