package io.supportplatform.kb.mapping;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.domain.ArticleContent;
import io.supportplatform.kb.domain.ArticleStatus;
import io.supportplatform.kb.domain.Language;
import io.supportplatform.kb.domain.ProductRef;
import io.supportplatform.kb.domain.Revision;
import io.supportplatform.kb.domain.Visibility;

/** Articles as BSON documents of collection {@code articles}, written field by field so the shape is explicit. */
public final class ArticleDocuments {

    public static final String ID = "_id";
    public static final String VERSION = "version";

    private ArticleDocuments() {
    }

    public static Document toDocument(Article article) {
        ArticleContent content = article.content();
        return new Document(ID, article.id())
                .append("title", content.title())
                .append("body", content.body())
                .append("language", content.language().code())
                .append("products", content.products().stream()
                        .map(p -> new Document("name", p.name()).append("versions", p.versions()))
                        .toList())
                .append("platforms", content.platforms())
                .append("category", content.category())
                .append("tags", content.tags())
                .append("visibility", content.visibility().name())
                .append("status", article.status().name())
                .append("author", article.author())
                .append("revisions", article.revisions().stream().map(ArticleDocuments::toDocument).toList())
                .append("created", Date.from(article.created()))
                .append("updated", Date.from(article.updated()))
                .append(VERSION, article.version());
    }

    public static Article fromDocument(Document document) {
        ArticleContent content = new ArticleContent(
                document.getString("title"),
                document.getString("body"),
                Language.ofCode(document.getString("language")),
                document.getList("products", Document.class, List.of()).stream()
                        .map(p -> new ProductRef(p.getString("name"), p.getList("versions", String.class)))
                        .toList(),
                document.getList("platforms", String.class, List.of()),
                document.getString("category"),
                document.getList("tags", String.class, List.of()),
                Visibility.valueOf(document.getString("visibility")));
        return new Article(
                document.getString(ID),
                content,
                ArticleStatus.valueOf(document.getString("status")),
                document.getString("author"),
                document.getList("revisions", Document.class, List.of()).stream()
                        .map(ArticleDocuments::revisionOf)
                        .toList(),
                instant(document, "created"),
                instant(document, "updated"),
                document.get(VERSION, Number.class).longValue());
    }

    private static Document toDocument(Revision revision) {
        return new Document("number", revision.number())
                .append("title", revision.title())
                .append("body", revision.body())
                .append("publishedBy", revision.publishedBy())
                .append("publishedAt", Date.from(revision.publishedAt()));
    }

    private static Revision revisionOf(Document document) {
        return new Revision(document.get("number", Number.class).intValue(), document.getString("title"),
                document.getString("body"), document.getString("publishedBy"), instant(document, "publishedAt"));
    }

    private static Instant instant(Document document, String field) {
        return document.getDate(field).toInstant();
    }
}
