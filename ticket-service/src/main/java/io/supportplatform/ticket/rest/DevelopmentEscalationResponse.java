package io.supportplatform.ticket.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DevelopmentEscalation", description = "A round of escalation to development (P10.1); support only")
public record DevelopmentEscalationResponse(UUID id, UUID ticketId, int round, String reason,
        String developmentReference, String escalatedBy, Instant escalatedAt) {
}
