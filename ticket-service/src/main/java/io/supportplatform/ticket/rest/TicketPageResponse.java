package io.supportplatform.ticket.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TicketPage")
public record TicketPageResponse(
        List<TicketResponse> items,
        @Schema(description = "Pass as `cursor` for the next page (same filters and order); null on the last page")
        String nextCursor) {
}
