package io.supportplatform.ticket.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A file attached to a ticket or to one of its replies: a log file (P5.g) or a screenshot (P5.h). The row
 * describes it; the bytes are in the attachment store.
 */
@Entity
@Table(name = "ticket_attachment")
public class Attachment {

    @Id
    private UUID id;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private UUID ticketId;

    @Column(name = "reply_id", updatable = false)
    private UUID replyId;

    /** For display and downloads only; the stored file is named by the attachment's id. */
    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false, updatable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    /** Hex SHA-256 of the content, computed while it streamed in. */
    @Column(nullable = false, updatable = false)
    private String sha256;

    /** Attached to an internal note (P3.1): support only. */
    @Column(nullable = false, updatable = false)
    private boolean internal;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    protected Attachment() {
        // for Hibernate
    }

    public Attachment(UUID id, UUID ticketId, Optional<UUID> replyId, String fileName, String contentType,
            long sizeBytes, String sha256, boolean internal, String uploadedBy, Instant uploadedAt) {
        this.id = id;
        this.ticketId = ticketId;
        this.replyId = replyId.orElse(null);
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.internal = internal;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getTicketId() {
        return ticketId;
    }

    public Optional<UUID> getReplyId() {
        return Optional.ofNullable(replyId);
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public boolean isInternal() {
        return internal;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
