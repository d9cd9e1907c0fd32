package io.supportplatform.ticket.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.domain.HistoryEntry;

@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, UUID> {

    /** Every recorded change of the ticket, in the order it happened. */
    public Uni<List<HistoryEntry>> of(UUID ticketId) {
        return list("ticketId", Sort.by("sequence"), ticketId);
    }
}
