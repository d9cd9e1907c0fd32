package io.supportplatform.ticket.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code io.supportplatform.customer-replied.v1} (deploy/contracts/customer-replied.v1.schema.json):
 * the customer added a public reply (P3.1, P9.3).
 */
public record CustomerReplied(long sequence, UUID ticketId, String ticketNumber, String systemId, UUID replyId,
        String author, String body, Instant postedAt) {

    public static final String TOPIC = "customer-replied";
    public static final String TYPE = "io.supportplatform.customer-replied.v1";
}
