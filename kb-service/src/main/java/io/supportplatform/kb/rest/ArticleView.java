package io.supportplatform.kb.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.domain.ArticleFeedback;
import io.supportplatform.kb.domain.ArticleStatus;
import io.supportplatform.kb.domain.Audience;
import io.supportplatform.kb.domain.Language;
import io.supportplatform.kb.domain.ProductRef;
import io.supportplatform.kb.domain.Revision;
import io.supportplatform.kb.domain.Visibility;
import io.supportplatform.kb.mapping.MarkdownBodies;

/**
 * An article as read: {@code body} is the Markdown source, {@code bodyHtml} its safe rendering. The revision
 * history is for staff only; {@code feedback} (views and votes) comes with reads, not with writes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleView(String id, String title, String body, String bodyHtml, Language language,
        List<ProductRef> products, List<String> platforms, String category, List<String> tags,
        Visibility visibility, ArticleStatus status, String author, List<Revision> revisions, Instant created,
        Instant updated, long version, ArticleFeedback feedback) {

    static ArticleView of(Article article, Audience audience) {
        var content = article.content();
        return new ArticleView(article.id(), content.title(), content.body(), MarkdownBodies.safeHtml(content.body()),
                content.language(), content.products(), content.platforms(), content.category(), content.tags(),
                content.visibility(), article.status(), article.author(),
                audience == Audience.STAFF ? article.revisions() : null, article.created(), article.updated(),
                article.version(), null);
    }

    ArticleView withFeedback(ArticleFeedback counts) {
        return new ArticleView(id, title, body, bodyHtml, language, products, platforms, category, tags, visibility,
                status, author, revisions, created, updated, version, counts);
    }
}
