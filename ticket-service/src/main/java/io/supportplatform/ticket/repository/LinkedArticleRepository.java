package io.supportplatform.ticket.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.domain.LinkedArticle;

@ApplicationScoped
public class LinkedArticleRepository implements PanacheRepositoryBase<LinkedArticle, UUID> {

    /** The ticket's linked articles in the order they were linked. */
    public Uni<List<LinkedArticle>> of(UUID ticketId) {
        return list("ticketId", Sort.by("linkedAt").and("articleId"), ticketId);
    }

    public Uni<LinkedArticle> find(UUID ticketId, String articleId) {
        return find("ticketId = ?1 and articleId = ?2", ticketId, articleId).firstResult();
    }
}
