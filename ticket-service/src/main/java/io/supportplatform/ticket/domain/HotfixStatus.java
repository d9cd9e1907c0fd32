package io.supportplatform.ticket.domain;

/** Where the fix of a ticket escalated to development stands (P11); the customer sees it. */
public enum HotfixStatus {
    /** A program change is needed; the customer has an estimated fix date (P11.1). */
    PLANNED,
    /** The hotfix is out (version or patch id known); development keeps verifying it (P11.2). */
    RELEASED,
    /** Development verified the released hotfix (P11.2). */
    VERIFIED,
    /** Verification after release found a problem; a new hotfix (or a new estimate) follows. */
    VERIFICATION_FAILED;

    /** A new estimated fix date may be given until a hotfix is out, and again when its verification failed. */
    public boolean mayEstimate() {
        return this == PLANNED || this == VERIFICATION_FAILED;
    }

    /** A hotfix may be released once planned, and again to replace one whose verification failed. */
    public boolean mayRelease() {
        return this == PLANNED || this == VERIFICATION_FAILED;
    }
}
