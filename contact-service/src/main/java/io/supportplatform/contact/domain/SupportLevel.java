package io.supportplatform.contact.domain;

/** The support contract level agreed with the customer. */
public enum SupportLevel {
    STANDARD,
    PREMIUM
}
