package io.supportplatform.ticket.rest;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Development", description = "Escalation to development (P10) and the hotfix (P11); no internal "
        + "notes, so the customer sees it too")
public record DevelopmentResponse(
        @Schema(description = "Whether the ticket went to development") boolean escalated,
        @Schema(description = "How many rounds of escalation to development (P10.1)") int rounds,
        @Schema(description = "When the fix is expected (P11.1)") LocalDate estimatedFixDate,
        @Schema(description = "PLANNED, RELEASED, VERIFIED or VERIFICATION_FAILED; null before any")
        String hotfixStatus,
        @Schema(description = "Version or patch id of the released hotfix") String hotfixVersion,
        Instant hotfixReleasedAt,
        @Schema(description = "When development's verification after release finished (P11.2)")
        Instant hotfixVerifiedAt) {
}
