package io.supportplatform.ticket.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.domain.EscalationKind;
import io.supportplatform.ticket.domain.EscalationRequest;

@ApplicationScoped
public class EscalationRequestRepository implements PanacheRepositoryBase<EscalationRequest, UUID> {

    public Uni<List<EscalationRequest>> of(UUID ticketId) {
        return list("ticketId", Sort.by("requestedAt").and("id"), ticketId);
    }

    /** The newest request of this kind on the ticket made at or after {@code since}, if any. */
    public Uni<EscalationRequest> latestSince(UUID ticketId, EscalationKind kind, Instant since) {
        return find("ticketId = ?1 and kind = ?2 and requestedAt >= ?3", Sort.descending("requestedAt"), ticketId,
                kind, since).firstResult();
    }
}
