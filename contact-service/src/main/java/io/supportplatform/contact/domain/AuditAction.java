package io.supportplatform.contact.domain;

/** What a change recorded in the audit trail did. */
public enum AuditAction {
    ACCOUNT_OPENED,
    /** Name, region, support level or contact quota. */
    ACCOUNT_TERMS_CHANGED,
    /** Active or suspended. */
    ACCOUNT_STATUS_CHANGED,
    CONTACT_AUTHORIZED,
    CONTACT_REVOKED,
    /** A change of contacts from a future date was notified (P12.5). */
    REDESIGNATION_SUBMITTED,
    REDESIGNATION_WITHDRAWN,
    /** The change took effect on its date; its contacts' own entries follow it. */
    REDESIGNATION_APPLIED,
    /** The change could not take effect on its date; the reason is in the state after. */
    REDESIGNATION_FAILED,
    /** The contact's Keycloak user was provisioned or linked: role customer and the account attribute (item 7). */
    CONTACT_KEYCLOAK_LINKED,
    /** The ended contact's Keycloak user lost role customer and the account attribute. */
    CONTACT_KEYCLOAK_UNLINKED
}
