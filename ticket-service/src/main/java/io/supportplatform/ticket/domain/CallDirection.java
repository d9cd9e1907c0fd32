package io.supportplatform.ticket.domain;

/** Phone support is outbound (P4.1); inbound calls are logged too but carry no service level (P4.3). */
public enum CallDirection {
    OUTBOUND,
    INBOUND
}
