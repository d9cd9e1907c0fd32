package io.supportplatform.ticket.messaging;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code io.supportplatform.ticket-created.v1}; the field set is a contract
 * (deploy/contracts/ticket-created.v1.schema.json): adding optional fields is fine, anything else needs
 * a v2 type. {@code channel} and {@code region} are such optional additions; {@code region} is left out
 * when the filing named none.
 */
public record TicketCreated(long sequence, UUID ticketId, String ticketNumber, String systemId, int severity,
        String subject, String status, String createdBy, Instant createdAt, String channel,
        @JsonInclude(JsonInclude.Include.NON_NULL) String region) {

    public static final String TOPIC = "ticket-created";
    public static final String TYPE = "io.supportplatform.ticket-created.v1";
}
