package io.supportplatform.ticket.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SupportAccess")
public record SupportAccessResponse(UUID id, UUID ticketId, String scope, String grantedBy, Instant grantedAt,
        Instant expiresAt, String revokedBy, Instant revokedAt,
        @Schema(description = "ACTIVE, EXPIRED or REVOKED at the time of reading") String state,
        @Schema(description = "Whether support may use the access now") boolean active) {
}
