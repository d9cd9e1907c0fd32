package io.supportplatform.kb.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A knowledge-base article (P1.1). Immutable: every change returns the next state with {@code version} one
 * higher, which the store writes only over the state it was derived from (optimistic concurrency).
 */
public record Article(String id, ArticleContent content, ArticleStatus status, String author,
        List<Revision> revisions, Instant created, Instant updated, long version) {

    public Article {
        revisions = List.copyOf(revisions);
    }

    public static Article draft(String id, ArticleContent content, String author, Instant now) {
        return new Article(id, content, ArticleStatus.DRAFT, author, List.of(), now, now, 1);
    }

    /** New content; on a published article the new text is live at once, so it is a new revision too. */
    public Article revise(ArticleContent newContent, String editor, Instant now) {
        Article revised = new Article(id, newContent, status, author, revisions, created, now, version + 1);
        return status == ArticleStatus.PUBLISHED ? revised.withRevision(editor, now) : revised;
    }

    public Article publish(String editor, Instant now) {
        if (status == ArticleStatus.PUBLISHED) {
            throw new IllegalStateException("The article is already published.");
        }
        return new Article(id, content, ArticleStatus.PUBLISHED, author, revisions, created, now, version + 1)
                .withRevision(editor, now);
    }

    public Article retire(Instant now) {
        if (status == ArticleStatus.RETIRED) {
            throw new IllegalStateException("The article is already retired.");
        }
        return new Article(id, content, ArticleStatus.RETIRED, author, revisions, created, now, version + 1);
    }

    public String title() {
        return content.title();
    }

    public Visibility visibility() {
        return content.visibility();
    }

    public Language language() {
        return content.language();
    }

    private Article withRevision(String editor, Instant now) {
        List<Revision> all = new ArrayList<>(revisions);
        all.add(new Revision(revisions.size() + 1, content.title(), content.body(), editor, now));
        return new Article(id, content, status, author, all, created, updated, version);
    }
}
