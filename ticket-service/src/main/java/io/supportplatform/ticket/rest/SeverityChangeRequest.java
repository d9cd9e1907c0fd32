package io.supportplatform.ticket.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SeverityChange", description = "Re-rates a ticket (P8); the reason is mandatory")
public record SeverityChangeRequest(
        @NotNull @Min(1) @Max(4) Integer severity,
        @NotBlank @Size(max = 2000) String reason) {
}
