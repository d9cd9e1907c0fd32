package io.supportplatform.ticket.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.supportplatform.ticket.domain.EligibilityFlag;

/**
 * Data of {@code io.supportplatform.ticket-created.v1}; the field set is a contract
 * (deploy/contracts/ticket-created.v1.schema.json): adding optional fields is fine, anything else needs
 * a v2 type. {@code channel}, {@code region}, {@code eligibilityFlags} (P5.c, P14.e, P15.f, P15.g) and
 * {@code suggestedArticleIds} (P14.b) are such optional additions; the last three are left out when empty.
 */
public record TicketCreated(long sequence, UUID ticketId, String ticketNumber, String systemId, int severity,
        String subject, String status, String createdBy, Instant createdAt, String channel,
        @JsonInclude(JsonInclude.Include.NON_NULL) String region,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EligibilityFlag> eligibilityFlags,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> suggestedArticleIds) {

    public static final String TOPIC = "ticket-created";
    public static final String TYPE = "io.supportplatform.ticket-created.v1";
}
