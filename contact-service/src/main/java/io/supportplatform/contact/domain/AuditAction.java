package io.supportplatform.contact.domain;

/** What a change recorded in the audit trail did. */
public enum AuditAction {
    ACCOUNT_OPENED,
    /** Name, region, support level or contact quota. */
    ACCOUNT_TERMS_CHANGED,
    /** Active or suspended. */
    ACCOUNT_STATUS_CHANGED,
    CONTACT_AUTHORIZED,
    CONTACT_REVOKED
}
