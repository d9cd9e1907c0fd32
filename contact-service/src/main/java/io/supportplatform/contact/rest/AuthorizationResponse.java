package io.supportplatform.contact.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Authorization", description = "Whether a user may ask for support for an account today (P12.1)")
public record AuthorizationResponse(
        boolean authorized,
        @Schema(description = "Why not; absent when authorized", enumeration = { "UNKNOWN_ACCOUNT", "NOT_A_CONTACT",
                "ACCOUNT_SUSPENDED", "NOT_YET_AUTHORIZED", "AUTHORIZATION_ENDED" }) String reason,
        @Schema(description = "The contact record the answer rests on; absent if the user is none") UUID contactId,
        @Schema(description = "First day of that contact's authorization") LocalDate validFrom,
        @Schema(description = "Day that authorization ends (exclusive); absent: until further notice")
        LocalDate validUntil) {
}
