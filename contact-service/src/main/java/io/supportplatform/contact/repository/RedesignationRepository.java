package io.supportplatform.contact.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportplatform.contact.domain.Redesignation;
import io.supportplatform.contact.domain.RedesignationStatus;

@ApplicationScoped
public class RedesignationRepository implements PanacheRepositoryBase<Redesignation, UUID> {

    /**
     * Locks the oldest pending redesignation due on {@code today} for the rest of the transaction, skipping rows
     * another activator holds: of several instances (or overlapping runs) exactly one gets each change, and once
     * it commits the change is no longer pending, so nobody claims it again. Null when nothing is due. (The JSON
     * columns are read as text, as the entity's column transformers would.)
     */
    public Uni<Redesignation> claimDue(LocalDate today) {
        return getSession().flatMap(session -> session
                .createNativeQuery("""
                        select id, system_id, effective_on, status, cast(additions as text) as additions,
                               cast(removals as text) as removals, submitted_by, submitted_by_subject, submitted_at,
                               settled_at, settled_by, failure_reason, version
                        from redesignation
                        where status = 'PENDING' and effective_on <= :today
                        order by effective_on, submitted_at
                        limit 1
                        for update skip locked""", Redesignation.class)
                .setParameter("today", today)
                .getResultList())
                .map(claimed -> claimed.isEmpty() ? null : claimed.get(0));
    }

    /** The account's changes, newest first. */
    public Uni<List<Redesignation>> ofAccount(String systemId) {
        return list("systemId", Sort.descending("submittedAt").and("id"), systemId);
    }

    public Uni<List<Redesignation>> pendingOfAccount(String systemId) {
        return list("systemId = ?1 and status = ?2", Sort.by("effectiveOn").and("submittedAt"), systemId,
                RedesignationStatus.PENDING);
    }

    public Uni<Redesignation> findOfAccount(String systemId, UUID id) {
        return find("id = ?1 and systemId = ?2", id, systemId).firstResult();
    }

    /** Waits for an activator holding the row, so a withdrawal sees whether the change was applied meanwhile. */
    public Uni<Redesignation> findOfAccountForUpdate(String systemId, UUID id) {
        return find("id = ?1 and systemId = ?2", id, systemId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
