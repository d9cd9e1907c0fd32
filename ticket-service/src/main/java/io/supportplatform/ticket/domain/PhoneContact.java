package io.supportplatform.ticket.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A phone call about an existing ticket (P4.2), logged by support. The summary is internal. */
@Entity
@Table(name = "phone_contact")
public class PhoneContact {

    @Id
    private UUID id;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private UUID ticketId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SupportTier tier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CallDirection direction;

    @Column(name = "called_at", nullable = false, updatable = false)
    private Instant calledAt;

    /** Whom support spoke to (outbound: who was called). */
    @Column(name = "contact_name", nullable = false, updatable = false)
    private String contactName;

    @Column(updatable = false)
    private String summary;

    @Column(name = "logged_by", nullable = false, updatable = false)
    private String loggedBy;

    @Column(name = "logged_at", nullable = false, updatable = false)
    private Instant loggedAt;

    protected PhoneContact() {
        // for Hibernate
    }

    public PhoneContact(UUID ticketId, SupportTier tier, CallDirection direction, Instant calledAt,
            String contactName, Optional<String> summary, String loggedBy, Instant loggedAt) {
        this.id = UUID.randomUUID();
        this.ticketId = ticketId;
        this.tier = tier;
        this.direction = direction;
        this.calledAt = calledAt;
        this.contactName = contactName;
        this.summary = summary.orElse(null);
        this.loggedBy = loggedBy;
        this.loggedAt = loggedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getTicketId() {
        return ticketId;
    }

    public SupportTier getTier() {
        return tier;
    }

    public CallDirection getDirection() {
        return direction;
    }

    public Instant getCalledAt() {
        return calledAt;
    }

    public String getContactName() {
        return contactName;
    }

    public Optional<String> getSummary() {
        return Optional.ofNullable(summary);
    }

    public String getLoggedBy() {
        return loggedBy;
    }

    public Instant getLoggedAt() {
        return loggedAt;
    }
}
