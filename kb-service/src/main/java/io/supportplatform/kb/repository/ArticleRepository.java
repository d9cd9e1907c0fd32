package io.supportplatform.kb.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.mapping.ArticleDocuments;

/** The system of record for articles: MongoDB collection {@code articles}. */
@ApplicationScoped
public class ArticleRepository {

    private final ReactiveMongoCollection<Document> articles;

    public ArticleRepository(ReactiveMongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.articles = client.getDatabase(database).getCollection("articles");
    }

    public Uni<Article> insert(Article article) {
        return articles.insertOne(ArticleDocuments.toDocument(article)).replaceWith(article);
    }

    /** @return the article, or null when there is none with that id */
    public Uni<Article> findById(String id) {
        return articles.find(eq(ArticleDocuments.ID, id)).toUni().map(d -> d == null ? null : ArticleDocuments.fromDocument(d));
    }

    public Multi<Article> findAll() {
        return articles.find().map(ArticleDocuments::fromDocument);
    }

    /**
     * Writes {@code next} only if the stored article still has {@code expectedVersion}: a conditional replace,
     * so two editors cannot overwrite each other (works without transactions, also on mongo-java-server).
     *
     * @return whether the write happened
     */
    public Uni<Boolean> replace(long expectedVersion, Article next) {
        return articles.replaceOne(and(eq(ArticleDocuments.ID, next.id()), eq(ArticleDocuments.VERSION, expectedVersion)),
                ArticleDocuments.toDocument(next))
                .map(result -> result.getMatchedCount() == 1);
    }
}
