package io.supportplatform.ticket.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One round of escalating a ticket to the development team (P10.1). Reason and development reference (e.g. an
 * issue key in development's tracker) are internal: support staff only.
 */
@Entity
@Table(name = "development_escalation")
public class DevelopmentEscalation {

    @Id
    private UUID id;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private UUID ticketId;

    @Column(nullable = false, updatable = false)
    private int round;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "development_reference", nullable = false, updatable = false)
    private String developmentReference;

    @Column(name = "escalated_by", nullable = false, updatable = false)
    private String escalatedBy;

    @Column(name = "escalated_at", nullable = false, updatable = false)
    private Instant escalatedAt;

    protected DevelopmentEscalation() {
        // for Hibernate
    }

    public DevelopmentEscalation(UUID ticketId, int round, String reason, String developmentReference,
            String escalatedBy, Instant escalatedAt) {
        this.id = UUID.randomUUID();
        this.ticketId = ticketId;
        this.round = round;
        this.reason = reason;
        this.developmentReference = developmentReference;
        this.escalatedBy = escalatedBy;
        this.escalatedAt = escalatedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getTicketId() {
        return ticketId;
    }

    public int getRound() {
        return round;
    }

    public String getReason() {
        return reason;
    }

    public String getDevelopmentReference() {
        return developmentReference;
    }

    public String getEscalatedBy() {
        return escalatedBy;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }
}
