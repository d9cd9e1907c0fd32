package io.supportplatform.ticket.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.supportplatform.ticket.domain.ReplyVisibility;

@Schema(name = "NewReply", description = "A public update or, from support only, an internal note (P3.1)")
public record NewReplyRequest(
        @NotBlank @Size(max = 20000) String body,
        @Schema(description = "PUBLIC when absent; INTERNAL notes are for support staff only")
        ReplyVisibility visibility) {
}
