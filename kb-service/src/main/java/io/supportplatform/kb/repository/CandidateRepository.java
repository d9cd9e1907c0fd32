package io.supportplatform.kb.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.supportplatform.kb.domain.ArticleCandidate;
import io.supportplatform.kb.domain.ArticleCandidate.Status;
import io.supportplatform.kb.domain.ArticleCandidate.TicketItem;

/**
 * Article candidates, collection {@code article_candidates}, one document per ticket ({@code _id} = ticket
 * id): that key is the dedupe. Every change is a single conditional update, so concurrent consumers and agents
 * never need a transaction.
 */
@ApplicationScoped
public class CandidateRepository {

    private static final String STATUS = "status";
    private static final String SEQUENCE = "sequence";
    private static final String RESOLVED_AT = "resolvedAt";

    private final ReactiveMongoCollection<Document> candidates;

    public CandidateRepository(ReactiveMongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.candidates = client.getDatabase(database).getCollection("article_candidates");
    }

    /**
     * Queues the candidate, or replaces the queued one of the same ticket if this resolution is newer. A ticket
     * already handled, or known from a newer (or the same) resolution, stays as it is: the upsert then collides
     * with the existing id, which is the answer "nothing to do".
     */
    public Uni<Void> offer(ArticleCandidate candidate) {
        Document fields = toDocument(candidate);
        fields.remove("_id");
        fields.remove(STATUS);
        return candidates.updateOne(
                and(eq("_id", candidate.ticketId()), eq(STATUS, Status.PENDING.name()), lt(SEQUENCE, candidate.sequence())),
                new Document("$set", fields), new UpdateOptions().upsert(true))
                .replaceWithVoid()
                .onFailure(CandidateRepository::isDuplicateKey).recoverWithNull();
    }

    /** A newer resolution linked an article after all: an older queued candidate of the ticket goes. */
    public Uni<Void> withdraw(String ticketId, long sequence) {
        return candidates.deleteOne(and(eq("_id", ticketId), eq(STATUS, Status.PENDING.name()), lt(SEQUENCE, sequence)))
                .replaceWithVoid();
    }

    /** Queued candidates, newest resolution first. */
    public Uni<List<ArticleCandidate>> pending(int page, int size) {
        return candidates.find(eq(STATUS, Status.PENDING.name()), new FindOptions()
                .sort(Sorts.orderBy(Sorts.descending(RESOLVED_AT), Sorts.ascending("_id")))
                .skip(page * size).limit(size))
                .map(CandidateRepository::fromDocument)
                .collect().asList();
    }

    public Uni<Long> countPending() {
        return candidates.countDocuments(eq(STATUS, Status.PENDING.name()));
    }

    /**
     * Takes a queued candidate out of the queue as {@code outcome}, atomically, so two agents cannot both
     * handle it. @return the candidate as it was queued, or null when it is not (or no longer) queued
     */
    public Uni<ArticleCandidate> handle(String ticketId, Status outcome, String agent, Instant at) {
        return candidates.findOneAndUpdate(and(eq("_id", ticketId), eq(STATUS, Status.PENDING.name())),
                Updates.combine(Updates.set(STATUS, outcome.name()), Updates.set("handledBy", agent),
                        Updates.set("handledAt", Date.from(at))))
                .map(document -> document == null ? null : fromDocument(document));
    }

    /** Records the draft an agent made of it. */
    public Uni<Void> drafted(String ticketId, String articleId) {
        return candidates.updateOne(eq("_id", ticketId), Updates.set("articleId", articleId)).replaceWithVoid();
    }

    /** Puts a candidate back into the queue (when making its draft failed). */
    public Uni<Void> requeue(String ticketId) {
        return candidates.updateOne(eq("_id", ticketId), Updates.combine(Updates.set(STATUS, Status.PENDING.name()),
                Updates.unset("handledBy"), Updates.unset("handledAt"))).replaceWithVoid();
    }

    /** @return the candidate in any status, or null */
    public Uni<ArticleCandidate> find(String ticketId) {
        return candidates.find(eq("_id", ticketId)).toUni().map(d -> d == null ? null : fromDocument(d));
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    private static Document toDocument(ArticleCandidate candidate) {
        return new Document("_id", candidate.ticketId())
                .append("ticketNumber", candidate.ticketNumber())
                .append("systemId", candidate.systemId())
                .append("severity", candidate.severity())
                .append("subject", candidate.subject())
                .append("products", candidate.products().stream().map(CandidateRepository::toDocument).toList())
                .append("platforms", candidate.platforms().stream().map(CandidateRepository::toDocument).toList())
                .append("resolution", candidate.resolution())
                .append("resolvedBy", candidate.resolvedBy())
                .append(RESOLVED_AT, Date.from(candidate.resolvedAt()))
                .append(SEQUENCE, candidate.sequence())
                .append(STATUS, candidate.status().name());
    }

    private static Document toDocument(TicketItem item) {
        return new Document("name", item.name()).append("version", item.version());
    }

    private static ArticleCandidate fromDocument(Document d) {
        return new ArticleCandidate(d.getString("_id"), d.getString("ticketNumber"), d.getString("systemId"),
                d.get("severity", Number.class).intValue(), d.getString("subject"), items(d, "products"),
                items(d, "platforms"), d.getString("resolution"), d.getString("resolvedBy"),
                d.getDate(RESOLVED_AT).toInstant(), d.get(SEQUENCE, Number.class).longValue(),
                Status.valueOf(d.getString(STATUS)));
    }

    private static List<TicketItem> items(Document d, String field) {
        return d.getList(field, Document.class, List.of()).stream()
                .map(i -> new TicketItem(i.getString("name"), i.getString("version"))).toList();
    }
}
