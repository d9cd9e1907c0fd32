package io.supportplatform.ticket.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.supportplatform.ticket.domain.TicketStatus;

@Schema(name = "StatusChange", description = "Moves a ticket along NEW -> OPEN -> WAITING_FOR_CUSTOMER <-> OPEN "
        + "-> RESOLVED -> CLOSED, RESOLVED -> REOPENED -> OPEN")
public record StatusChangeRequest(
        @NotNull TicketStatus status,
        @Schema(description = "Why, e.g. what support needs from the customer")
        @Size(max = 2000) String reason) {
}
