package io.supportplatform.ticket.rest;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HistoryEntry", description = "One state change of a ticket: the event published for it")
public record HistoryEntryResponse(
        @Schema(description = "The CloudEvent id of the event") UUID eventId,
        @Schema(description = "Per-ticket sequence number (data.sequence)") long sequence,
        @Schema(description = "Event name, e.g. ticket-status-changed") String type,
        @Schema(description = "Who made the change") String actor,
        Instant occurredAt,
        @Schema(description = "The event's data as published (deploy/contracts)") Map<String, Object> data) {
}
