package io.supportplatform.kb.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.supportplatform.kb.repository.ArticleIndex;
import io.supportplatform.kb.repository.ArticleRepository;

/**
 * Keeps this instance's search index in step with writes made through other instances. An event only says
 * that an article changed; the state indexed is always re-read from MongoDB, so events may come late, twice
 * or out of order: a stale or repeated one finds the index at its sequence already and costs no read, and a
 * late one can never put an older state back (the index keeps the newest version).
 */
@ApplicationScoped
public class IndexSync {

    private final ArticleRepository repository;
    private final ArticleIndex index;

    public IndexSync(ArticleRepository repository, ArticleIndex index) {
        this.repository = repository;
        this.index = index;
    }

    /** @param sequence the article version the event announced */
    public Uni<Void> articleChanged(String articleId, long sequence) {
        if (index.indexedVersion(articleId) >= sequence) {
            return Uni.createFrom().voidItem();
        }
        return repository.findById(articleId)
                .chain(article -> article == null ? Uni.createFrom().voidItem()
                        : Uni.createFrom().<Void>item(() -> {
                            index.upsert(article);
                            return null;
                        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }
}
