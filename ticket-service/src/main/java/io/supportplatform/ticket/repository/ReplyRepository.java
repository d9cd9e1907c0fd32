package io.supportplatform.ticket.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.domain.Reply;
import io.supportplatform.ticket.domain.ReplyVisibility;

@ApplicationScoped
public class ReplyRepository implements PanacheRepositoryBase<Reply, UUID> {

    private static final Sort OLDEST_FIRST = Sort.by("postedAt").and("id");

    /** Every reply of the ticket, oldest first, internal notes included (for support staff). */
    public Uni<List<Reply>> allOf(UUID ticketId) {
        return list("ticketId", OLDEST_FIRST, ticketId);
    }

    /** Only the public replies of the ticket, oldest first: what the customer may read (P3.1). */
    public Uni<List<Reply>> publicOf(UUID ticketId) {
        return list("ticketId = ?1 and visibility = ?2", OLDEST_FIRST, ticketId, ReplyVisibility.PUBLIC);
    }
}
