package io.supportplatform.ticket.messaging;

import java.time.LocalDate;
import java.util.UUID;

import io.supportplatform.ticket.domain.AccountStatus;

/**
 * An event of contact-service about a customer account (deploy/contracts, "Account events"), reduced to what
 * the authorized-contact read model needs. {@code sequence} counts the account's events across the three topics.
 */
public sealed interface AccountEvent {

    UUID eventId();

    String type();

    String systemId();

    long sequence();

    /** {@code customer-account-changed}: the account's whole state after the change. */
    record AccountChanged(UUID eventId, String type, String systemId, long sequence, String name,
            AccountStatus status) implements AccountEvent {
    }

    /**
     * {@code contact-authorized} or {@code contact-revoked}: the contact's whole authorization after the change.
     *
     * @param keycloakUserId null while no user is linked
     * @param authorizedUntil exclusive; null: until further notice
     */
    record ContactChanged(UUID eventId, String type, String systemId, long sequence, UUID contactId,
            String keycloakUserId, LocalDate authorizedFrom, LocalDate authorizedUntil) implements AccountEvent {
    }
}
