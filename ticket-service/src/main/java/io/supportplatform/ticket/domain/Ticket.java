package io.supportplatform.ticket.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A support request of one customer account (identified by its system ID, P5.a), referenced by its
 * human-readable ticket number (P2.2, P6.1).
 */
@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    private UUID id;

    @Column(name = "ticket_number", nullable = false, unique = true, updatable = false)
    private String ticketNumber;

    @Column(name = "system_id", nullable = false, updatable = false)
    private String systemId;

    @Column(nullable = false)
    private Severity severity;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketStatus status;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Sequence number of the last event published about this ticket (CloudEvent data.sequence). */
    @Column(name = "last_event_sequence", nullable = false)
    private long lastEventSequence;

    @Version
    private long version;

    protected Ticket() {
        // for Hibernate
    }

    /** A ticket as filed (P2.2): status NEW, created now by the given user. */
    public static Ticket file(String ticketNumber, String systemId, Severity severity, String subject,
            String description, String createdBy, Instant now) {
        Ticket ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.ticketNumber = ticketNumber;
        ticket.systemId = systemId;
        ticket.severity = severity;
        ticket.subject = subject;
        ticket.description = description;
        ticket.status = TicketStatus.NEW;
        ticket.createdBy = createdBy;
        ticket.createdAt = now;
        ticket.updatedAt = now;
        return ticket;
    }

    /** Hands out the per-ticket sequence number for the next event about this ticket. */
    public long nextEventSequence() {
        return ++lastEventSequence;
    }

    public boolean belongsTo(String systemId) {
        return this.systemId.equals(systemId);
    }

    public UUID getId() {
        return id;
    }

    public String getTicketNumber() {
        return ticketNumber;
    }

    public String getSystemId() {
        return systemId;
    }

    public Severity getSeverity() {
        return severity;
    }

    public String getSubject() {
        return subject;
    }

    public String getDescription() {
        return description;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public String getCreatedBy() {
        return createdBy;
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
