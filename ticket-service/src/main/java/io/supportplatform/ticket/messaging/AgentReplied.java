package io.supportplatform.ticket.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code io.supportplatform.agent-replied.v1} (deploy/contracts/agent-replied.v1.schema.json):
 * support added a public update or an internal note (P3.1). Consumers must never show an INTERNAL
 * reply to the customer.
 */
public record AgentReplied(long sequence, UUID ticketId, String ticketNumber, String systemId, UUID replyId,
        String author, String visibility, String body, Instant postedAt) {

    public static final String TOPIC = "agent-replied";
    public static final String TYPE = "io.supportplatform.agent-replied.v1";
}
