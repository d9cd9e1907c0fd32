package io.supportplatform.ticket.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.domain.Attachment;

@ApplicationScoped
public class AttachmentRepository implements PanacheRepositoryBase<Attachment, UUID> {

    private static final Sort OLDEST_FIRST = Sort.by("uploadedAt").and("id");

    /** The ticket's attachments (its own and its replies'), oldest first; internal ones only when asked. */
    public Uni<List<Attachment>> of(UUID ticketId, boolean includeInternal) {
        return includeInternal
                ? list("ticketId", OLDEST_FIRST, ticketId)
                : list("ticketId = ?1 and internal = false", OLDEST_FIRST, ticketId);
    }
}
