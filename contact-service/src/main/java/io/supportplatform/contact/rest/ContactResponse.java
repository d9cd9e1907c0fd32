package io.supportplatform.contact.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Contact")
public record ContactResponse(
        UUID id,
        String systemId,
        String name,
        String email,
        String phone,
        @Schema(enumeration = { "de", "en" }) String language,
        String keycloakUserId,
        LocalDate authorizedFrom,
        @Schema(description = "Day the authorization ends (exclusive); absent: until further notice")
        LocalDate authorizedUntil,
        @Schema(description = "As of today (UTC)", enumeration = { "SCHEDULED", "ACTIVE", "ENDED" }) String status,
        @Schema(description = "What was asked of Keycloak for the contact's user; absent: nothing",
                enumeration = { "PROVISION", "LINK", "UNLINK" }) String keycloakAction,
        @Schema(description = "How far that got: PENDING (also while Keycloak is unreachable: retried), DONE, FAILED",
                enumeration = { "PENDING", "DONE", "FAILED" }) String keycloakSync,
        @Schema(description = "The last Keycloak error, if any") String keycloakSyncError,
        Instant createdAt,
        Instant updatedAt) {
}
