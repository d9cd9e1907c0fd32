package io.supportplatform.sla.repository;

import io.supportplatform.sla.domain.TicketEventType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A received ticket event (read side; rows are written by {@link TicketEventRepository#insertIfAbsent}). */
@Entity
@Table(name = "ticket_event")
public class TicketEventEntity {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "ticket_id")
    public UUID ticketId;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type")
    public TicketEventType eventType;

    public long sequence;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "ticket_number")
    public String ticketNumber;

    @Column(name = "system_id")
    public String systemId;

    public Short severity;

    public String status;

    @Column(name = "previous_status")
    public String previousStatus;

    public String region;

    public String visibility;

    public String tier;

    public String direction;

    @Column(name = "escalation_kind")
    public String escalationKind;
}
