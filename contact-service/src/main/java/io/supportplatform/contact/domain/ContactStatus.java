package io.supportplatform.contact.domain;

/** Where a contact's authorization period stands on a given day. */
public enum ContactStatus {
    /** Named in advance (P12.5); authorized from a later day. Already takes a slot of the quota. */
    SCHEDULED,
    ACTIVE,
    /** Revoked or expired; kept as history. */
    ENDED
}
