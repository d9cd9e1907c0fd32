package io.supportplatform.ticket.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EscalationRequest")
public record EscalationRequestResponse(UUID id, UUID ticketId, String kind, String message, String requestedBy,
        Instant requestedAt) {
}
