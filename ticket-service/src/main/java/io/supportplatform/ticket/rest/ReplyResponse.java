package io.supportplatform.ticket.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Reply")
public record ReplyResponse(
        UUID id,
        UUID ticketId,
        String author,
        @Schema(description = "CUSTOMER or SUPPORT") String authorRole,
        @Schema(description = "PUBLIC or INTERNAL") String visibility,
        String body,
        Instant postedAt) {
}
