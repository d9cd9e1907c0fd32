package io.supportplatform.kb.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One announced change of an article: the state after the write ({@code article}, whose version is the
 * event's sequence), who made it and when. Written into the article's own document together with the change
 * and published from there (see {@code ArticleEventRelay}).
 */
public record ArticleEvent(UUID id, ArticleEventType type, Article article, String changedBy, Instant changedAt) {

    public static ArticleEvent of(Article before, Article after, String changedBy) {
        return new ArticleEvent(UUID.randomUUID(), ArticleEventType.of(before, after), after, changedBy,
                after.updated());
    }

    public long sequence() {
        return article.version();
    }
}
