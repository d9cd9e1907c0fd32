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

import org.hibernate.annotations.ColumnTransformer;

/**
 * A customer's notice, given in advance, that changes its authorized contacts from a future date (P12.5): the
 * contacts to authorize and the contacts whose authorization ends on {@code effectiveOn}. Replacing a contact is
 * one of each in the same redesignation, so both happen together or not at all. It waits as {@code PENDING} in
 * the database until the activation job applies it (or marks it failed) on its date, or until it is withdrawn.
 * The named contacts and removed contact ids are kept as JSON, as they were submitted.
 */
@Entity
@Table(name = "redesignation")
public class Redesignation {

    @Id
    private UUID id;

    @Column(name = "system_id", nullable = false, updatable = false)
    private String systemId;

    @Column(name = "effective_on", nullable = false, updatable = false)
    private LocalDate effectiveOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RedesignationStatus status;

    // jsonb in the database; bound as text (see AuditEntry)
    @ColumnTransformer(read = "cast(additions as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(nullable = false, updatable = false)
    private String additions;

    @ColumnTransformer(read = "cast(removals as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(nullable = false, updatable = false)
    private String removals;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    private String submittedBy;

    @Column(name = "submitted_by_subject", updatable = false)
    private String submittedBySubject;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    @Column(name = "settled_by")
    private String settledBy;

    @Column(name = "failure_reason")
    private String failureReason;

    @Version
    private long version;

    protected Redesignation() {
        // for Hibernate
    }

    /** @param additions JSON array of {@link NamedContact}; @param removals JSON array of contact ids */
    public static Redesignation submit(String systemId, LocalDate effectiveOn, String additions, String removals,
            Requester submitter, Instant now) {
        Redesignation change = new Redesignation();
        change.id = UUID.randomUUID();
        change.systemId = systemId;
        change.effectiveOn = effectiveOn;
        change.status = RedesignationStatus.PENDING;
        change.additions = additions;
        change.removals = removals;
        change.submittedBy = submitter.username();
        change.submittedBySubject = submitter.subject();
        change.submittedAt = now;
        return change;
    }

    /** The submitter, as the actor of the contact changes this redesignation makes when it takes effect. */
    public Requester submitter() {
        return new Requester(submittedBy, submittedBySubject, false, java.util.Optional.of(systemId));
    }

    public void applied(Instant now) {
        settle(RedesignationStatus.APPLIED, "contact-service", now);
    }

    public void failed(String reason, Instant now) {
        settle(RedesignationStatus.FAILED, "contact-service", now);
        failureReason = reason;
    }

    public void withdrawn(Requester requester, Instant now) {
        settle(RedesignationStatus.WITHDRAWN, requester.username(), now);
    }

    private void settle(RedesignationStatus outcome, String by, Instant now) {
        if (status != RedesignationStatus.PENDING) {
            throw new IllegalStateException("redesignation " + id + " is " + status + " already");
        }
        status = outcome;
        settledBy = by;
        settledAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getSystemId() {
        return systemId;
    }

    public LocalDate getEffectiveOn() {
        return effectiveOn;
    }

    public RedesignationStatus getStatus() {
        return status;
    }

    public String getAdditions() {
        return additions;
    }

    public String getRemovals() {
        return removals;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getSettledAt() {
        return settledAt;
    }

    public String getSettledBy() {
        return settledBy;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public long getVersion() {
        return version;
    }
}
