package io.supportplatform.contact.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportplatform.contact.domain.AuthorizedContact;
import io.supportplatform.contact.domain.CustomerAccount;
import io.supportplatform.contact.domain.Requester;
import io.supportplatform.outbox.CloudEvent;
import io.supportplatform.outbox.OutboxEvent;

/**
 * Turns what happened to an account or its contacts into outbox rows carrying complete CloudEvents. Each takes
 * the next number of the account's event sequence, so the caller must hold the account (row lock) and save it.
 */
@ApplicationScoped
public class AccountEvents {

    static final String SOURCE = "/contact-service";

    private final ObjectMapper objectMapper;

    public AccountEvents(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** @param change {@link CustomerAccountChanged#OPENED} or {@link CustomerAccountChanged#CHANGED} */
    public OutboxEvent accountChanged(CustomerAccount account, String change, Requester actor, Instant now) {
        CustomerAccountChanged data = new CustomerAccountChanged(account.nextEventSequence(), account.getSystemId(),
                change, account.getLicenseCode(), account.getName(), account.getRegion(),
                account.getSupportLevel().name(), account.getContactQuota(), account.getStatus().name(),
                actor.username(), now);
        return outboxEvent(account, CustomerAccountChanged.TOPIC, CustomerAccountChanged.TYPE, now, data);
    }

    public OutboxEvent contactAuthorized(CustomerAccount account, AuthorizedContact contact, Requester actor,
            Instant now) {
        ContactAuthorized data = new ContactAuthorized(account.nextEventSequence(), account.getSystemId(),
                contact.getId(), contact.getKeycloakUserId(), contact.getName(), contact.getEmail(),
                contact.getPhone(), contact.getLanguage().code(), contact.getAuthorizedFrom(),
                contact.getAuthorizedUntil(), actor.username(), now);
        return outboxEvent(account, ContactAuthorized.TOPIC, ContactAuthorized.TYPE, now, data);
    }

    public OutboxEvent contactRevoked(CustomerAccount account, AuthorizedContact contact, Requester actor,
            Instant now) {
        ContactRevoked data = new ContactRevoked(account.nextEventSequence(), account.getSystemId(), contact.getId(),
                contact.getKeycloakUserId(), contact.getAuthorizedFrom(), contact.getAuthorizedUntil(),
                actor.username(), now);
        return outboxEvent(account, ContactRevoked.TOPIC, ContactRevoked.TYPE, now, data);
    }

    private OutboxEvent outboxEvent(CustomerAccount account, String topic, String type, Instant time, Object data) {
        UUID eventId = UUID.randomUUID();
        CloudEvent<Object> event = CloudEvent.of(eventId, type, SOURCE, time, account.getSystemId(), data);
        try {
            return new OutboxEvent(eventId, account.getSystemId(), topic, type, objectMapper.writeValueAsString(event),
                    time);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + type + " of account " + account.getSystemId(), e);
        }
    }
}
