package io.supportplatform.ticket.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewSupportAccess", description = "The customer grants support access to their system (P7.1)")
public record NewSupportAccessRequest(
        @Schema(description = "What support may access and how, e.g. the remote session's details")
        @NotBlank @Size(max = 2000) String scope,
        @Schema(description = "When the access ends; in the future, within ticket.work.support-access-max-duration")
        @NotNull Instant expiresAt) {
}
