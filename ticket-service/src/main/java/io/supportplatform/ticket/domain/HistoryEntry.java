package io.supportplatform.ticket.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One state change of a ticket as it was published: which event, its per-ticket sequence, who and when.
 * Written together with the event's outbox row ({@code TicketEvents#write}), in the change's transaction.
 */
@Entity
@Immutable
@Table(name = "ticket_history")
public class HistoryEntry {

    /** The data field that marks an internal note ({@code INTERNAL}, P3.1). */
    static final String VISIBILITY = "visibility";

    @Id
    @Column(name = "event_id")
    private UUID eventId;

    @Column(name = "ticket_id")
    private UUID ticketId;

    private long sequence;

    @Column(name = "event_type")
    private String eventType;

    private String actor;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> data;

    protected HistoryEntry() {
        // for Hibernate
    }

    /** Whether the change is internal to support: an internal note, or any event data marked INTERNAL. */
    public boolean internal() {
        return ReplyVisibility.INTERNAL.name().equals(data.get(VISIBILITY));
    }

    public UUID getEventId() {
        return eventId;
    }

    public UUID getTicketId() {
        return ticketId;
    }

    public long getSequence() {
        return sequence;
    }

    public String getEventType() {
        return eventType;
    }

    public String getActor() {
        return actor;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Map<String, Object> getData() {
        return data;
    }
}
