package io.supportplatform.ticket.domain;

/** How a request reached support (P2.1). */
public enum Channel {
    /** The customer portal. */
    PORTAL,
    /** "Request Support" inside the product's System module. */
    IN_PRODUCT,
    /** A direct call of the REST API, e.g. a customer's own tooling. */
    API
}
