package io.supportplatform.contact.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Account")
public record AccountResponse(
        @Schema(examples = "100001") String systemId,
        String licenseCode,
        String name,
        String region,
        String supportLevel,
        @Schema(description = "Agreed number of authorized contacts (P12.2)") int contactQuota,
        String status,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
