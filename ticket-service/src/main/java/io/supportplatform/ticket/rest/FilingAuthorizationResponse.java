package io.supportplatform.ticket.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FilingAuthorization", description = "Whether the caller may file and reply for their account now (P12.1)")
public record FilingAuthorizationResponse(
        @Schema(examples = "100001") String systemId,
        boolean authorized,
        @Schema(description = "Why not: UNKNOWN_ACCOUNT, ACCOUNT_SUSPENDED, NOT_A_CONTACT, NOT_YET_AUTHORIZED or "
                + "AUTHORIZATION_ENDED; null when authorized")
        String reason,
        @Schema(description = "The day the authorization starts (NOT_YET_AUTHORIZED) or ended (AUTHORIZATION_ENDED)")
        LocalDate day,
        @Schema(description = "The reason as a sentence for the user; null when authorized")
        String message) {
}
