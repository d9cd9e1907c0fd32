package io.supportplatform.contact.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

    @Enumerated(EnumType.STRING)
    @Column(name = "keycloak_action")
    private KeycloakAction keycloakAction;

    @Enumerated(EnumType.STRING)
    @Column(name = "keycloak_sync")
    private KeycloakSync keycloakSync;

    @Column(name = "keycloak_sync_error")
    private String keycloakSyncError;

    @Column(name = "keycloak_sync_attempts", nullable = false)
    private int keycloakSyncAttempts;

    @Column(name = "keycloak_sync_next_at")
    private Instant keycloakSyncNextAt;

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

    /** Asks the sync job to do {@code action} in Keycloak, replacing what it was to do before. */
    public void requestKeycloak(KeycloakAction action, Instant now) {
        keycloakAction = action;
        keycloakSync = KeycloakSync.PENDING;
        keycloakSyncError = null;
        keycloakSyncAttempts = 0;
        keycloakSyncNextAt = now;
        updatedAt = now;
    }

    /** Whether its authorization ending has to be undone in Keycloak: a user is (or is being) linked. */
    public boolean hasKeycloakUser() {
        return keycloakUserId != null
                || (keycloakAction != null && keycloakAction != KeycloakAction.UNLINK);
    }

    /** The sync job did {@code action}; {@code userId} is the user it linked (null for UNLINK). */
    public void keycloakDone(String userId, Instant now) {
        if (userId != null) {
            keycloakUserId = userId;
        }
        keycloakSync = KeycloakSync.DONE;
        keycloakSyncError = null;
        updatedAt = now;
    }

    public void keycloakFailed(String reason, Instant now) {
        keycloakSync = KeycloakSync.FAILED;
        keycloakSyncError = reason;
        updatedAt = now;
    }

    /** Keycloak could not be reached (or failed): stays pending, next attempt at {@code next}. */
    public void keycloakRetry(String error, Instant next) {
        keycloakSyncAttempts++;
        keycloakSyncError = error;
        keycloakSyncNextAt = next;
    }

    /** A user found by a sync whose action was replaced meanwhile, kept so that undoing it knows the user. */
    public void rememberKeycloakUser(String userId) {
        if (keycloakUserId == null) {
            keycloakUserId = userId;
        }
    }

    public KeycloakAction getKeycloakAction() {
        return keycloakAction;
    }

    public KeycloakSync getKeycloakSync() {
        return keycloakSync;
    }

    public String getKeycloakSyncError() {
        return keycloakSyncError;
    }

    public int getKeycloakSyncAttempts() {
        return keycloakSyncAttempts;
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
