package io.supportplatform.ticket.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.supportplatform.ticket.domain.CallDirection;
import io.supportplatform.ticket.domain.SupportTier;

@Schema(name = "NewPhoneContact", description = "A phone call about the ticket (P4)")
public record NewPhoneContactRequest(
        @Schema(description = "TIER1 or TIER2: who made (or took) the call") @NotNull SupportTier tier,
        @Schema(description = "OUTBOUND when absent (P4.1); INBOUND calls carry no service level (P4.3)")
        CallDirection direction,
        @Schema(description = "When the call took place; not in the future") @NotNull Instant calledAt,
        @Schema(description = "Whom support spoke to") @NotBlank @Size(max = 200) String contactName,
        @Schema(description = "What was said; internal, customers do not see it") @Size(max = 4000) String summary) {
}
