package io.supportplatform.contact.domain;

/** Where a redesignation (P12.5) stands. Only a pending one can still change. */
public enum RedesignationStatus {
    /** Submitted, waiting for its effective date. */
    PENDING,
    /** Took effect on its date: its contacts were authorized and revoked. */
    APPLIED,
    /** Could not take effect on its date (e.g. it no longer fit the quota); nothing of it was applied. */
    FAILED,
    /** Withdrawn by the customer or support before its date. */
    WITHDRAWN
}
