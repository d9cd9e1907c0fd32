package io.supportplatform.ticket.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewDevelopmentEscalation", description = "A round of escalation to development (P10.1)")
public record DevelopmentEscalationRequest(
        @Schema(description = "Why development is needed; internal") @NotBlank @Size(max = 2000) String reason,
        @Schema(description = "Development's reference, e.g. an issue key; internal", examples = "DEV-4711")
        @NotBlank @Size(max = 128) String developmentReference) {
}
