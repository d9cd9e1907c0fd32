package io.supportplatform.ticket.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One update on a ticket (P3.1): a customer's or support's public reply, or support's internal note. */
@Entity
@Table(name = "ticket_reply")
public class Reply {

    @Id
    private UUID id;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private UUID ticketId;

    @Column(nullable = false, updatable = false)
    private String author;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_role", nullable = false, updatable = false)
    private AuthorRole authorRole;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ReplyVisibility visibility;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private Instant postedAt;

    protected Reply() {
        // for Hibernate
    }

    public Reply(UUID ticketId, String author, AuthorRole authorRole, ReplyVisibility visibility, String body,
            Instant postedAt) {
        this.id = UUID.randomUUID();
        this.ticketId = ticketId;
        this.author = author;
        this.authorRole = authorRole;
        this.visibility = visibility;
        this.body = body;
        this.postedAt = postedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getTicketId() {
        return ticketId;
    }

    public String getAuthor() {
        return author;
    }

    public AuthorRole getAuthorRole() {
        return authorRole;
    }

    public ReplyVisibility getVisibility() {
        return visibility;
    }

    public String getBody() {
        return body;
    }

    public Instant getPostedAt() {
        return postedAt;
    }
}
