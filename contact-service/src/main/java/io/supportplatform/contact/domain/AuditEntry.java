package io.supportplatform.contact.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/**
 * One change to an account or one of its contacts: who made it, when, and the state before and after as JSON
 * (P12.4: the trail is the written record of the customer's notices). Written in the transaction of the
 * change, never changed afterwards.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private UUID id;

    /** Insertion order, assigned by the database: orders entries written within the same millisecond. */
    @Column(insertable = false, updatable = false)
    private long position;

    @Column(name = "system_id", nullable = false, updatable = false)
    private String systemId;

    @Column(name = "contact_id", updatable = false)
    private UUID contactId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AuditAction action;

    @Column(name = "actor_username", nullable = false, updatable = false)
    private String actorUsername;

    @Column(name = "actor_subject", updatable = false)
    private String actorSubject;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    // jsonb in the database (queryable there), JSON text here. The parameter goes in as text: bound straight
    // to jsonb, the reactive client would store the Java string as a JSON string value.
    @ColumnTransformer(read = "cast(state_before as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "state_before", updatable = false)
    private String stateBefore;

    @ColumnTransformer(read = "cast(state_after as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "state_after", nullable = false, updatable = false)
    private String stateAfter;

    protected AuditEntry() {
        // for Hibernate
    }

    /** {@code stateBefore} is null when the change created the record. */
    public static AuditEntry record(String systemId, UUID contactId, AuditAction action, Requester actor,
            Instant occurredAt, String stateBefore, String stateAfter) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.systemId = systemId;
        entry.contactId = contactId;
        entry.action = action;
        entry.actorUsername = actor.username();
        entry.actorSubject = actor.subject();
        entry.occurredAt = occurredAt;
        entry.stateBefore = stateBefore;
        entry.stateAfter = stateAfter;
        return entry;
    }

    public UUID getId() {
        return id;
    }

    public String getSystemId() {
        return systemId;
    }

    public UUID getContactId() {
        return contactId;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getActorUsername() {
        return actorUsername;
    }

    public String getActorSubject() {
        return actorSubject;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getStateBefore() {
        return stateBefore;
    }

    public String getStateAfter() {
        return stateAfter;
    }
}
