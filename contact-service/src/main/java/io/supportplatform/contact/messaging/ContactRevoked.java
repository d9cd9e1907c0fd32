package io.supportplatform.contact.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code io.supportplatform.contact-revoked.v1}; the field set is a contract
 * (deploy/contracts/contact-revoked.v1.schema.json). {@code authorizedUntil} is the first day the contact is no
 * longer authorized; equal to {@code authorizedFrom} when it was revoked before it began.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactRevoked(long sequence, String systemId, UUID contactId, String keycloakUserId,
        LocalDate authorizedFrom, LocalDate authorizedUntil, String revokedBy, Instant revokedAt) {

    public static final String TOPIC = "contact-revoked";
    public static final String TYPE = "io.supportplatform.contact-revoked.v1";
}
