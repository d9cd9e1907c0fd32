package io.supportplatform.kb.service;

import java.time.Duration;

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

    private static final Duration WAIT_FOR_BUILD = Duration.ofMillis(200);

    private final ArticleRepository repository;
    private final ArticleIndex index;

    public IndexSync(ArticleRepository repository, ArticleIndex index) {
        this.repository = repository;
        this.index = index;
    }

    /** @param sequence the article version the event announced */
    public Uni<Void> articleChanged(String articleId, long sequence) {
        return indexBuilt().chain(() -> {
            if (index.indexedVersion(articleId) >= sequence) {
                return Uni.createFrom().voidItem();
            }
            return repository.findById(articleId)
                    .chain(article -> article == null ? Uni.createFrom().voidItem()
                            : Uni.createFrom().<Void>item(() -> {
                                index.upsert(article);
                                return null;
                            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
        });
    }

    /**
     * Events wait until the start-up build from the store is done: that build replaces the whole index with
     * what it read, so a newer state indexed from an event meanwhile would be overwritten by an older one.
     * Applied afterwards, the event finds the built version and re-reads the article if it is newer.
     */
    private Uni<Void> indexBuilt() {
        if (index.isReady()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(WAIT_FOR_BUILD).chain(this::indexBuilt);
    }
}
