package io.supportplatform.ticket.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HotfixRelease", description = "The hotfix for the ticket is out (P11.2)")
public record HotfixReleaseRequest(
        @Schema(description = "Version or patch id", examples = "HF-7.2.1-04") @NotBlank @Size(max = 64)
        String hotfixVersion) {
}
