package io.supportplatform.contact.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person the customer named to deal with support (P12.3, P12.4), authorized on the days
 * {@code [authorizedFrom, authorizedUntil)}; an open end means until further notice.
 */
@Entity
@Table(name = "authorized_contact")
public class AuthorizedContact {

    @Id
    private UUID id;

    @Column(name = "system_id", nullable = false, updatable = false)
    private String systemId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String phone;

    @Column(nullable = false)
    private Language language;

    @Column(name = "keycloak_user_id")
    private String keycloakUserId;

    @Column(name = "authorized_from", nullable = false)
    private LocalDate authorizedFrom;

    @Column(name = "authorized_until")
    private LocalDate authorizedUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected AuthorizedContact() {
        // for Hibernate
    }

    public static AuthorizedContact authorize(String systemId, String name, String email, String phone,
            Language language, String keycloakUserId, LocalDate authorizedFrom, LocalDate authorizedUntil,
            Instant now) {
        AuthorizedContact contact = new AuthorizedContact();
        contact.id = UUID.randomUUID();
        contact.systemId = systemId;
        contact.name = name;
        contact.email = email;
        contact.phone = phone;
        contact.language = language;
        contact.keycloakUserId = keycloakUserId;
        contact.authorizedFrom = authorizedFrom;
        contact.authorizedUntil = authorizedUntil;
        contact.createdAt = now;
        contact.updatedAt = now;
        return contact;
    }

    public ContactStatus statusOn(LocalDate day) {
        if (authorizedUntil != null && !day.isBefore(authorizedUntil)) {
            return ContactStatus.ENDED;
        }
        return day.isBefore(authorizedFrom) ? ContactStatus.SCHEDULED : ContactStatus.ACTIVE;
    }

    /**
     * Ends the authorization at the start of {@code today}, keeping the record as history. A contact that has
     * ended already keeps its end; one scheduled for later ends where it would have begun, so it never was.
     *
     * @return whether this changed anything, i.e. the contact had not ended yet
     */
    public boolean revoke(LocalDate today, Instant now) {
        if (statusOn(today) == ContactStatus.ENDED) {
            return false;
        }
        authorizedUntil = today.isBefore(authorizedFrom) ? authorizedFrom : today;
        updatedAt = now;
        return true;
    }

    public UUID getId() {
        return id;
    }

    public String getSystemId() {
        return systemId;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public Language getLanguage() {
        return language;
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

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
