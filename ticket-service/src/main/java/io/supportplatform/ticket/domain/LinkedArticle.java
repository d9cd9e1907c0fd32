package io.supportplatform.ticket.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A knowledge-base article support linked to a ticket, e.g. the one describing the solution. The article id
 * is kb-service's and opaque here: nothing checks that the article exists.
 */
@Entity
@Table(name = "ticket_linked_article")
public class LinkedArticle {

    /** Longest article id accepted (kb-service's ids are shorter). */
    public static final int MAX_ID_LENGTH = 64;

    @Id
    private UUID id;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private UUID ticketId;

    @Column(name = "article_id", nullable = false, updatable = false)
    private String articleId;

    @Column(name = "linked_by", nullable = false, updatable = false)
    private String linkedBy;

    @Column(name = "linked_at", nullable = false, updatable = false)
    private Instant linkedAt;

    protected LinkedArticle() {
        // for Hibernate
    }

    public LinkedArticle(UUID ticketId, String articleId, String linkedBy, Instant linkedAt) {
        this.id = UUID.randomUUID();
        this.ticketId = ticketId;
        this.articleId = articleId;
        this.linkedBy = linkedBy;
        this.linkedAt = linkedAt;
    }

    public UUID getTicketId() {
        return ticketId;
    }

    public String getArticleId() {
        return articleId;
    }

    public String getLinkedBy() {
        return linkedBy;
    }

    public Instant getLinkedAt() {
        return linkedAt;
    }
}
