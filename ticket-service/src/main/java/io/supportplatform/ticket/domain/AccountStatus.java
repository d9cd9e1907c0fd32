package io.supportplatform.ticket.domain;

/** A customer account's status as contact-service publishes it; nobody files for a suspended account (P12.1). */
public enum AccountStatus {
    ACTIVE,
    SUSPENDED
}
