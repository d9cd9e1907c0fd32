package io.supportplatform.contact.service;

import io.supportplatform.contact.domain.SupportLevel;

/** An account to open, already validated; {@code licenseCode} may be null. */
public record NewAccount(String systemId, String licenseCode, String name, String region, SupportLevel supportLevel,
        int contactQuota) {
}
