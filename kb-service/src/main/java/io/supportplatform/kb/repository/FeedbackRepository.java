package io.supportplatform.kb.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.supportplatform.kb.domain.ArticleFeedback;

/**
 * Reader feedback, kept apart from the article documents so that counting never touches an article's version
 * (and never conflicts with an editor). Votes and "filed anyway" outcomes are one document each, keyed so that
 * a repeat is an overwrite: a user's second vote replaces the first, and a redelivered ticket event counts
 * once. Counts are counted, not kept: they can never drift from the facts.
 */
@ApplicationScoped
public class FeedbackRepository {

    private static final String ARTICLE = "article";

    private final ReactiveMongoCollection<Document> views;
    private final ReactiveMongoCollection<Document> votes;
    private final ReactiveMongoCollection<Document> filedAfterSuggestion;

    public FeedbackRepository(ReactiveMongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        var db = client.getDatabase(database);
        this.views = db.getCollection("article_views");
        this.votes = db.getCollection("article_votes");
        this.filedAfterSuggestion = db.getCollection("article_filed_after_suggestion");
    }

    /** Counts one read of the article; one atomic increment. @return the views so far */
    public Uni<Long> countView(String articleId) {
        return views.findOneAndUpdate(eq("_id", articleId), Updates.inc("views", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))
                .map(document -> document.get("views", Number.class).longValue());
    }

    /** Records the user's vote on the article, replacing an earlier one. */
    public Uni<Void> vote(String articleId, String username, boolean helpful, Instant at) {
        String id = articleId + "/" + username;
        return votes.replaceOne(eq("_id", id), new Document("_id", id).append(ARTICLE, articleId)
                .append("user", username).append("helpful", helpful).append("votedAt", Date.from(at)),
                new ReplaceOptions().upsert(true))
                .replaceWithVoid();
    }

    /** Records that this ticket was filed although the article had been suggested for it. */
    public Uni<Void> filedAfterSuggestion(String articleId, String ticketId, Instant filedAt) {
        String id = articleId + "/" + ticketId;
        return filedAfterSuggestion.replaceOne(eq("_id", id), new Document("_id", id).append(ARTICLE, articleId)
                .append("ticket", ticketId).append("filedAt", Date.from(filedAt)),
                new ReplaceOptions().upsert(true))
                .replaceWithVoid();
    }

    /** The feedback on an article, given its view count. */
    public Uni<ArticleFeedback> feedback(String articleId, long views) {
        return Uni.combine().all().unis(
                votes.countDocuments(and(eq(ARTICLE, articleId), eq("helpful", true))),
                votes.countDocuments(and(eq(ARTICLE, articleId), eq("helpful", false))),
                filedAfterSuggestion.countDocuments(eq(ARTICLE, articleId)))
                .with((helpful, notHelpful, filed) -> new ArticleFeedback(views, helpful, notHelpful, filed));
    }

    /** The feedback on an article, without counting a view. */
    public Uni<ArticleFeedback> feedback(String articleId) {
        return views.find(eq("_id", articleId)).toUni()
                .map(document -> document == null ? 0L : document.get("views", Number.class).longValue())
                .chain(count -> feedback(articleId, count));
    }
}
