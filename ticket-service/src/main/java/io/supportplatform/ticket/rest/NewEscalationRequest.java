package io.supportplatform.ticket.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.supportplatform.ticket.domain.EscalationKind;

@Schema(name = "NewEscalationRequest", description = "The customer asks for an update or a further escalation "
        + "(P13.3)")
public record NewEscalationRequest(
        @Schema(description = "UPDATE or ESCALATION") @NotNull EscalationKind kind,
        @Size(max = 2000) String message) {
}
