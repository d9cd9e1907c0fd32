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

/** The customer asking, inside the ticket, for an update or a further escalation (P13.3). */
@Entity
@Table(name = "escalation_request")
public class EscalationRequest {

    @Id
    private UUID id;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private UUID ticketId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EscalationKind kind;

    @Column(updatable = false)
    private String message;

    /** The customer, or the support user who recorded the request on the customer's behalf. */
    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    protected EscalationRequest() {
        // for Hibernate
    }

    public EscalationRequest(UUID ticketId, EscalationKind kind, Optional<String> message, String requestedBy,
            Instant requestedAt) {
        this.id = UUID.randomUUID();
        this.ticketId = ticketId;
        this.kind = kind;
        this.message = message.orElse(null);
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getTicketId() {
        return ticketId;
    }

    public EscalationKind getKind() {
        return kind;
    }

    public Optional<String> getMessage() {
        return Optional.ofNullable(message);
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }
}
