package io.supportplatform.ticket.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One authorization of a person to ask for support for an account (P12.3), as contact-service published it
 * last ({@code contact-authorized}, {@code contact-revoked}). A user may have several over time.
 */
@Entity
@Table(name = "authorized_contact")
public class AuthorizedContact {

    @Id
    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "system_id", nullable = false)
    private String systemId;

    @Column(name = "keycloak_user_id")
    private String keycloakUserId;

    @Column(name = "authorized_from", nullable = false)
    private LocalDate authorizedFrom;

    /** Exclusive; null: until further notice. A revocation sets it to the day of the revocation. */
    @Column(name = "authorized_until")
    private LocalDate authorizedUntil;

    protected AuthorizedContact() {
        // for Hibernate
    }

    /** For a decision without the database, e.g. in tests of {@link FilingAuthorization}. */
    public AuthorizedContact(UUID contactId, String systemId, String keycloakUserId, LocalDate authorizedFrom,
            LocalDate authorizedUntil) {
        this.contactId = contactId;
        this.systemId = systemId;
        this.keycloakUserId = keycloakUserId;
        this.authorizedFrom = authorizedFrom;
        this.authorizedUntil = authorizedUntil;
    }

    /** authorizedFrom <= day < authorizedUntil. */
    public boolean activeOn(LocalDate day) {
        return !day.isBefore(authorizedFrom) && (authorizedUntil == null || day.isBefore(authorizedUntil));
    }

    public boolean startsAfter(LocalDate day) {
        return authorizedFrom.isAfter(day);
    }

    public UUID getContactId() {
        return contactId;
    }

    public String getSystemId() {
        return systemId;
    }

    public String getKeycloakUserId() {
        return keycloakUserId;
    }

    public LocalDate getAuthorizedFrom() {
        return authorizedFrom;
    }

    public LocalDate getAuthorizedUntil() {
        return authorizedUntil;
    }
}
