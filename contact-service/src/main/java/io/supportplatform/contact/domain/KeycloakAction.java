package io.supportplatform.contact.domain;

/** What the sync job is to do (or did) in Keycloak for a contact's user. */
public enum KeycloakAction {
    /** Create the user if no user has the contact's e-mail address, and make it a customer of the account. */
    PROVISION,
    /** Make the existing user (by id, else by the contact's e-mail address) a customer of the account. */
    LINK,
    /** Take role {@code customer} and the account attribute from the user: the authorization ended. */
    UNLINK
}
