package io.supportplatform.ticket.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PhoneContact")
public record PhoneContactResponse(UUID id, UUID ticketId, String tier, String direction, Instant calledAt,
        String contactName,
        @Schema(description = "Support only; always null for customers") String summary,
        String loggedBy, Instant loggedAt) {
}
