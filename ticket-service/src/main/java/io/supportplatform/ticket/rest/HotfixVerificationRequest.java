package io.supportplatform.ticket.rest;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HotfixVerification", description = "Development's verification of the released hotfix (P11.2)")
public record HotfixVerificationRequest(
        @Schema(description = "true: VERIFIED; false: VERIFICATION_FAILED") @NotNull Boolean passed) {
}
