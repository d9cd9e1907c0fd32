package io.supportplatform.ticket.domain;

/** Who may read a reply (P3.1): public updates reach the customer, internal notes never do. */
public enum ReplyVisibility {
    PUBLIC,
    INTERNAL
}
