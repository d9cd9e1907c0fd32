package io.supportplatform.ticket.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code io.supportplatform.phone-contact-logged.v1}
 * (deploy/contracts/phone-contact-logged.v1.schema.json): support logged a phone call about the ticket (P4).
 */
public record PhoneContactLogged(long sequence, UUID ticketId, String ticketNumber, String systemId,
        UUID phoneContactId, String tier, String direction, Instant calledAt, String contactName, String summary,
        String loggedBy, Instant loggedAt) {

    public static final String TOPIC = "phone-contact-logged";
    public static final String TYPE = "io.supportplatform.phone-contact-logged.v1";
}
