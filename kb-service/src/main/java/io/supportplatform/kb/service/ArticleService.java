package io.supportplatform.kb.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.domain.ArticleContent;
import io.supportplatform.kb.domain.ArticleEvent;
import io.supportplatform.kb.domain.Audience;
import io.supportplatform.kb.domain.SearchQuery;
import io.supportplatform.kb.domain.SearchResult;
import io.supportplatform.kb.repository.ArticleIndex;
import io.supportplatform.kb.messaging.ArticleEventRelay;
import io.supportplatform.kb.repository.ArticleRepository;
import io.supportplatform.problem.ProblemException;

/**
 * Writing and reading articles (P1.1). MongoDB is the record; after each successful write the search index is
 * updated before the caller gets an answer, so a writer finds its own change at once. Index work runs on a
 * worker thread. Every write stores the event announcing it with the change (P1.1: other instances and services
 * learn of it) and then nudges the relay to publish it.
 */
@ApplicationScoped
public class ArticleService {

    private final ArticleRepository repository;
    private final ArticleIndex index;
    private final ArticleEventRelay relay;
    private final SearchWorkers searchWorkers;
    private final Clock clock;

    public ArticleService(ArticleRepository repository, ArticleIndex index, ArticleEventRelay relay,
            SearchWorkers searchWorkers) {
        this.repository = repository;
        this.index = index;
        this.relay = relay;
        this.searchWorkers = searchWorkers;
        this.clock = Clock.systemUTC();
    }

    public Uni<Article> create(ArticleContent content, String author) {
        return create(UUID.randomUUID().toString(), content, author);
    }

    /** Under a given id: demo articles keep theirs, so loading them again finds them. */
    public Uni<Article> create(String id, ArticleContent content, String author) {
        Article draft = Article.draft(id, content, author, now());
        return repository.insert(draft, ArticleEvent.of(null, draft, author))
                .invoke(relay::nudge)
                .call(this::indexed);
    }

    /** @param expectedVersion the version the editor started from; a different stored version is a conflict */
    public Uni<Article> revise(String id, long expectedVersion, ArticleContent content, String editor) {
        return change(id, Optional.of(expectedVersion), editor, article -> article.revise(content, editor, now()));
    }

    public Uni<Article> publish(String id, Optional<Long> expectedVersion, String editor) {
        return change(id, expectedVersion, editor, article -> article.publish(editor, now()));
    }

    public Uni<Article> retire(String id, Optional<Long> expectedVersion, String editor) {
        return change(id, expectedVersion, editor, article -> article.retire(now()));
    }

    /** An article the audience may not read is answered as missing, never as forbidden. */
    public Uni<Article> read(String id, Audience audience) {
        return repository.findById(id)
                .map(article -> article != null && audience.mayRead(article) ? article : null)
                .onItem().ifNull().failWith(() -> notFound(id));
    }

    /** A repeated search is answered at once from the kept answers; any other waits for a search thread. */
    public Uni<SearchResult> search(SearchQuery query) {
        SearchResult kept = index.kept(query);
        return kept != null ? Uni.createFrom().item(kept) : searchWorkers.run(() -> index.computed(query));
    }

    private Uni<Article> change(String id, Optional<Long> expectedVersion, String editor,
            UnaryOperator<Article> step) {
        return repository.findById(id)
                .onItem().ifNull().failWith(() -> notFound(id))
                .chain(current -> {
                    if (expectedVersion.isPresent() && expectedVersion.get() != current.version()) {
                        return Uni.createFrom().failure(stale(id, expectedVersion.get(), current.version()));
                    }
                    Article next;
                    try {
                        next = step.apply(current);
                    } catch (IllegalStateException e) {
                        return Uni.createFrom().failure(ProblemException.conflict(e.getMessage()));
                    }
                    return repository.replace(current.version(), next, ArticleEvent.of(current, next, editor))
                            .chain(written -> written ? Uni.createFrom().item(next)
                                    : Uni.createFrom().failure(ProblemException.conflict(
                                            "Article " + id + " was changed by someone else meanwhile; reload it.")));
                })
                .invoke(relay::nudge)
                .call(this::indexed);
    }

    private Uni<Void> indexed(Article article) {
        return Uni.createFrom().<Void>item(() -> {
            index.upsert(article);
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS); // what MongoDB dates can hold
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("There is no article " + id + ".");
    }

    private static ProblemException stale(String id, long expected, long current) {
        return ProblemException.conflict("Article " + id + " is at version " + current + ", not " + expected
                + "; reload it and apply your change again.");
    }
}
