package io.supportplatform.kb.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.model.Projections;

import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.domain.ArticleEvent;
import io.supportplatform.kb.mapping.ArticleDocuments;
import io.supportplatform.kb.mapping.ArticleEventEnvelopes;

/**
 * The system of record for articles: MongoDB collection {@code articles}. Every write also appends the event
 * announcing it to the document's {@code outbox} array <em>in the same single-document write</em>: MongoDB
 * (and our test server, which has no multi-document transactions) applies one document's update atomically,
 * so a change is stored with its event or not at all. {@code ArticleEventRelay} publishes and removes them.
 */
@ApplicationScoped
public class ArticleRepository {

    private final ReactiveMongoCollection<Document> articles;

    public ArticleRepository(ReactiveMongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.articles = client.getDatabase(database).getCollection("articles");
    }

    public Uni<Article> insert(Article article, ArticleEvent event) {
        Document document = ArticleDocuments.toDocument(article)
                .append(ArticleEventEnvelopes.OUTBOX, List.of(ArticleEventEnvelopes.toOutboxEntry(event)));
        return articles.insertOne(document).replaceWith(article);
    }

    /** @return the article, or null when there is none with that id */
    public Uni<Article> findById(String id) {
        return articles.find(eq(ArticleDocuments.ID, id)).toUni().map(d -> d == null ? null : ArticleDocuments.fromDocument(d));
    }

    public Multi<Article> findAll() {
        return articles.find().map(ArticleDocuments::fromDocument);
    }

    /**
     * Writes {@code next} and appends {@code event} to the outbox, only if the stored article still has
     * {@code expectedVersion}: a conditional single-document update, so two editors cannot overwrite each other
     * and the change never exists without its event (works without transactions, also on mongo-java-server).
     * Fields are set one by one rather than replacing the document, so events still pending stay.
     *
     * @return whether the write happened
     */
    public Uni<Boolean> replace(long expectedVersion, Article next, ArticleEvent event) {
        Document fields = ArticleDocuments.toDocument(next);
        fields.remove(ArticleDocuments.ID);
        Document update = new Document("$set", fields)
                .append("$push", new Document(ArticleEventEnvelopes.OUTBOX, ArticleEventEnvelopes.toOutboxEntry(event)));
        return articles.updateOne(and(eq(ArticleDocuments.ID, next.id()), eq(ArticleDocuments.VERSION, expectedVersion)),
                update)
                .map(result -> result.getMatchedCount() == 1);
    }

    /** Up to {@code limit} articles with unpublished events: id and outbox only, entries in write order. */
    public Multi<Document> withPendingEvents(int limit) {
        return articles.find(exists(ArticleEventEnvelopes.OUTBOX + ".0"), new FindOptions()
                .projection(Projections.include(ArticleDocuments.ID, ArticleEventEnvelopes.OUTBOX))
                .limit(limit));
    }

    /** Removes one published event from the article's outbox (a no-op when it is gone already). */
    public Uni<Void> eventPublished(String articleId, String eventId) {
        return articles.updateOne(eq(ArticleDocuments.ID, articleId),
                new Document("$pull", new Document(ArticleEventEnvelopes.OUTBOX,
                        new Document(ArticleEventEnvelopes.EVENT_ID, eventId))))
                .replaceWithVoid();
    }
}
