package io.supportplatform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event waiting to be published, written in the same transaction as the state change it reports
 * (transactional outbox). The relay deletes the row once Kafka has acknowledged the record.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** The CloudEvent id: consumers dedupe on it. */
    @Id
    private UUID id;

    /**
     * The id of the aggregate the event is about (a ticket's id, an account's system ID): the Kafka record key,
     * so one aggregate's events stay on one partition, in order.
     */
    @Column(name = "aggregate_id", nullable = false, updatable = false)
    private String aggregateId;

    @Column(nullable = false, updatable = false)
    private String topic;

    /** The CloudEvent type, e.g. {@code io.supportplatform.ticket-created.v1}. */
    @Column(nullable = false, updatable = false)
    private String type;

    /** The complete structured-mode CloudEvent JSON, sent as the record value unchanged. */
    @Column(nullable = false, updatable = false)
    private String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected OutboxEvent() {
        // for Hibernate
    }

    public OutboxEvent(UUID id, String aggregateId, String topic, String type, String payload, Instant createdAt) {
        this.id = id;
        this.aggregateId = aggregateId;
        this.topic = topic;
        this.type = type;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getAggregateId() {
        return aggregateId;
    }

    public String getTopic() {
        return topic;
    }

    public String getType() {
        return type;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
