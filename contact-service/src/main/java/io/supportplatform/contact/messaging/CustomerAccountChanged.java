package io.supportplatform.contact.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code io.supportplatform.customer-account-changed.v1}: the account's state after it was opened or
 * its terms or status changed; the field set is a contract
 * (deploy/contracts/customer-account-changed.v1.schema.json). Absent {@code licenseCode}: none recorded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerAccountChanged(long sequence, String systemId, String change, String licenseCode,
        String name, String region, String supportLevel, int contactQuota, String status, String changedBy,
        Instant changedAt) {

    public static final String TOPIC = "customer-account-changed";
    public static final String TYPE = "io.supportplatform.customer-account-changed.v1";

    /** {@code change}: the account was opened, or an open account's terms or status changed. */
    public static final String OPENED = "OPENED";
    public static final String CHANGED = "CHANGED";
}
