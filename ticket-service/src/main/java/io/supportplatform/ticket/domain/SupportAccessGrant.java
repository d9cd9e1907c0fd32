package io.supportplatform.ticket.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The customer's permission for support to access their system for a ticket's diagnosis (P7.1), until it
 * expires or the customer revokes it. Whether it is active is always computed from the current time.
 */
@Entity
@Table(name = "support_access_grant")
public class SupportAccessGrant {

    /** Where a grant stands at a given moment. */
    public enum State {
        ACTIVE, EXPIRED, REVOKED
    }

    @Id
    private UUID id;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private UUID ticketId;

    /** What support may access and how, in the customer's words. */
    @Column(nullable = false, updatable = false)
    private String scope;

    @Column(name = "granted_by", nullable = false, updatable = false)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected SupportAccessGrant() {
        // for Hibernate
    }

    public SupportAccessGrant(UUID ticketId, String scope, String grantedBy, Instant grantedAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.ticketId = ticketId;
        this.scope = scope;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
        this.expiresAt = expiresAt;
    }

    /** A revoked grant stays revoked; otherwise it is active until its expiry (exclusive). */
    public State stateAt(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return now.isBefore(expiresAt) ? State.ACTIVE : State.EXPIRED;
    }

    /** Ends an active grant; the caller has checked {@link #stateAt} is ACTIVE. */
    public void revoke(String by, Instant now) {
        if (stateAt(now) != State.ACTIVE) {
            throw new IllegalStateException("Grant " + id + " is not active");
        }
        revokedBy = by;
        revokedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public UUID getTicketId() {
        return ticketId;
    }

    public String getScope() {
        return scope;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Optional<String> getRevokedBy() {
        return Optional.ofNullable(revokedBy);
    }

    public Optional<Instant> getRevokedAt() {
        return Optional.ofNullable(revokedAt);
    }
}
