package io.supportplatform.ticket.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.domain.SupportAccessGrant;

@ApplicationScoped
public class SupportAccessGrantRepository implements PanacheRepositoryBase<SupportAccessGrant, UUID> {

    public Uni<List<SupportAccessGrant>> of(UUID ticketId) {
        return list("ticketId", Sort.by("grantedAt").and("id"), ticketId);
    }

    /** The grant of this ticket, locked for a revocation. */
    public Uni<SupportAccessGrant> findForUpdate(UUID ticketId, UUID grantId) {
        return find("id = ?1 and ticketId = ?2", grantId, ticketId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
