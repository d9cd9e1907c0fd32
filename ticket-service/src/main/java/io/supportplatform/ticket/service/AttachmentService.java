package io.supportplatform.ticket.service;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.ticket.domain.Attachment;
import io.supportplatform.ticket.domain.AuthorRole;
import io.supportplatform.ticket.domain.Reply;
import io.supportplatform.ticket.domain.ReplyVisibility;
import io.supportplatform.ticket.domain.Requester;
import io.supportplatform.ticket.domain.TicketStatus;
import io.supportplatform.ticket.repository.AttachmentRepository;
import io.supportplatform.ticket.repository.ReplyRepository;

/**
 * Log files (P5.g) and screenshots (P5.h) of tickets and replies. Who may see a ticket may see its
 * attachments, except that customers never see those of internal notes (P3.1).
 */
@ApplicationScoped
public class AttachmentService {

    /** An attachment and where its bytes are. */
    public record Download(Attachment attachment, Path file) {
    }

    /** What an upload is attached to, as checked before its bytes are read. */
    private record Target(UUID ticketId, Optional<UUID> replyId, boolean internal) {
    }

    private final TicketService tickets;
    private final ReplyRepository replies;
    private final AttachmentRepository attachments;
    private final AttachmentStore store;

    public AttachmentService(TicketService tickets, ReplyRepository replies, AttachmentRepository attachments,
            AttachmentStore store) {
        this.tickets = tickets;
        this.replies = replies;
        this.attachments = attachments;
        this.store = store;
    }

    /**
     * Stores an upload; blocking, for a worker thread: the bytes stream to disk here, the database is reached
     * through the Vert.x context. Cheap refusals (too large by Content-Length, a type never accepted, a ticket
     * the requester may not see) come before any byte is read.
     */
    public Attachment upload(String ticketId, Optional<String> replyId, String fileName, String declaredType,
            OptionalLong contentLength, Optional<String> expectedSha256, InputStream body, Requester requester)
            throws Throwable {
        if (contentLength.isPresent() && contentLength.getAsLong() > store.maxSizeBytes()) {
            throw new ProblemException(413, "Content Too Large",
                    "Attachments may have at most " + store.maxSizeBytes() + " bytes.");
        }
        store.checkDeclared(declaredType);
        Target target = VertxContextSupport.subscribeAndAwait(() -> target(ticketId, replyId, requester));

        AttachmentStore.Received received = store.receive(body, declaredType);
        if (expectedSha256.isPresent() && !expectedSha256.get().equalsIgnoreCase(received.sha256())) {
            store.discard(received.file());
            throw ProblemException.badRequest("Repr-Digest", "Checksum", "The content's SHA-256 is "
                    + received.sha256() + ", not the " + expectedSha256.get() + " the request announced.");
        }
        Attachment attachment = new Attachment(UUID.randomUUID(), target.ticketId(), target.replyId(),
                FileNames.safe(fileName), received.contentType(), received.sizeBytes(), received.sha256(),
                target.internal(), requester.username(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        Path kept = store.keep(received, target.ticketId(), attachment.getId());
        try {
            return VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withTransaction(() -> attachments.persist(attachment)));
        } catch (Throwable e) {
            store.discard(kept);
            throw e;
        }
    }

    /** The ticket's attachments the requester may see, oldest first. */
    @WithSession
    public Uni<List<Attachment>> list(String ticketId, Requester requester) {
        return tickets.find(ticketId, requester)
                .flatMap(ticket -> attachments.of(ticket.getId(), requester.staff()));
    }

    @WithSession
    public Uni<Download> download(String ticketId, String attachmentId, Requester requester) {
        Optional<UUID> id = uuid(attachmentId);
        return tickets.find(ticketId, requester)
                .flatMap(ticket -> id.map(attachments::findById).orElse(Uni.createFrom().nullItem())
                        .map(attachment -> {
                            if (attachment == null || !attachment.getTicketId().equals(ticket.getId())
                                    || (attachment.isInternal() && !requester.staff())) {
                                throw ProblemException.notFound("No attachment " + attachmentId + " on ticket "
                                        + ticket.getTicketNumber() + ".");
                            }
                            return new Download(attachment, store.pathOf(ticket.getId(), attachment.getId()));
                        }));
    }

    private Uni<Target> target(String ticketId, Optional<String> replyId, Requester requester) {
        return Panache.withSession(() -> tickets.find(ticketId, requester).flatMap(ticket -> {
            if (ticket.getStatus() == TicketStatus.CLOSED) {
                throw ProblemException.conflict("Ticket " + ticket.getTicketNumber()
                        + " is closed and takes no more attachments; file a new ticket.");
            }
            if (replyId.isEmpty()) {
                return Uni.createFrom().item(new Target(ticket.getId(), Optional.empty(), false));
            }
            return uuid(replyId.get()).map(replies::findById).orElse(Uni.createFrom().nullItem()).map(reply -> {
                if (reply == null || !reply.getTicketId().equals(ticket.getId())
                        || (reply.getVisibility() == ReplyVisibility.INTERNAL && !requester.staff())) {
                    throw ProblemException.notFound("No reply " + replyId.get() + " on ticket "
                            + ticket.getTicketNumber() + ".");
                }
                if (!requester.staff() && !mayCustomerAttachTo(reply, requester)) {
                    throw ProblemException.forbidden("Customers attach files to their own replies only.");
                }
                return new Target(ticket.getId(), Optional.of(reply.getId()),
                        reply.getVisibility() == ReplyVisibility.INTERNAL);
            });
        }));
    }

    private static boolean mayCustomerAttachTo(Reply reply, Requester requester) {
        return reply.getAuthorRole() == AuthorRole.CUSTOMER && reply.getAuthor().equals(requester.username());
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
