package io.supportplatform.kb.mapping;

import java.util.Date;

import org.bson.Document;

import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.domain.ArticleContent;
import io.supportplatform.kb.domain.ArticleEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Article events as CloudEvents 1.0 (structured mode, deploy/contracts/README.md) and as the pending entries
 * of an article document's {@code outbox} array. The envelope is rendered when the change is written, so the
 * relay only forwards bytes and a re-publish after a crash sends exactly the same event (same id).
 */
public final class ArticleEventEnvelopes {

    public static final String OUTBOX = "outbox";
    public static final String EVENT_ID = "id";
    public static final String TOPIC = "topic";
    public static final String PAYLOAD = "payload";
    public static final String CREATED_AT = "createdAt";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    static final String SOURCE = "/kb-service";

    private ArticleEventEnvelopes() {
    }

    /** The pending outbox entry of this event. */
    public static Document toOutboxEntry(ArticleEvent event) {
        return new Document(EVENT_ID, event.id().toString())
                .append(TOPIC, event.type().topic())
                .append(PAYLOAD, toCloudEvent(event).encode())
                .append(CREATED_AT, Date.from(event.changedAt()));
    }

    static JsonObject toCloudEvent(ArticleEvent event) {
        Article article = event.article();
        return new JsonObject()
                .put("specversion", "1.0")
                .put("id", event.id().toString())
                .put("type", event.type().cloudEventType())
                .put("source", SOURCE)
                .put("time", event.changedAt().toString())
                .put("subject", article.id())
                .put("datacontenttype", "application/json")
                .put("data", data(event));
    }

    /** Metadata only: bodies can be 100 kB; readers fetch the article (and its audience rules) from the API. */
    private static JsonObject data(ArticleEvent event) {
        Article article = event.article();
        ArticleContent content = article.content();
        JsonArray products = new JsonArray();
        content.products().forEach(p -> products.add(new JsonObject().put("name", p.name())
                .put("versions", new JsonArray(p.versions()))));
        return new JsonObject()
                .put("sequence", event.sequence())
                .put("articleId", article.id())
                .put("title", content.title())
                .put("language", content.language().code())
                .put("visibility", content.visibility().name())
                .put("status", article.status().name())
                .put("category", content.category())
                .put("products", products)
                .put("platforms", new JsonArray(content.platforms()))
                .put("tags", new JsonArray(content.tags()))
                .put("revision", article.revisions().size())
                .put("changedBy", event.changedBy())
                .put("changedAt", event.changedAt().toString());
    }
}
