package io.supportplatform.ticket.domain;

/** On which side of the support relationship a reply's author stands. */
public enum AuthorRole {
    CUSTOMER,
    SUPPORT
}
