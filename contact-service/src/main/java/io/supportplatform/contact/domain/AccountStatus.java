package io.supportplatform.contact.domain;

public enum AccountStatus {
    ACTIVE,
    SUSPENDED
}
