package io.supportplatform.ticket.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Attachment")
public record AttachmentResponse(
        UUID id,
        UUID ticketId,
        @Schema(description = "Set when the file belongs to a reply") UUID replyId,
        @Schema(description = "Display name, stripped of paths and control characters") String fileName,
        @Schema(description = "The type as checked against the content") String contentType,
        long sizeBytes,
        @Schema(description = "Hex SHA-256 of the content; downloads carry it in Repr-Digest") String sha256,
        String uploadedBy,
        Instant uploadedAt) {
}
