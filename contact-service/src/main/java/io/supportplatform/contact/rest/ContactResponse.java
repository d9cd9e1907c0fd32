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
        Instant createdAt,
        Instant updatedAt) {
}
