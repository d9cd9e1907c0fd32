package io.supportplatform.ticket.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Ticket")
public record TicketResponse(
        UUID id,
        @Schema(description = "The official reference to quote in every reply (P6.1)", examples = "TCK-2026-000042")
        String ticketNumber,
        String systemId,
        int severity,
        String subject,
        String description,
        String status,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {
}
