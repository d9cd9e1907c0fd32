package io.supportplatform.kb.domain;

/**
 * What an article change announces; every write of an article publishes exactly one of them, so an article's
 * events carry its versions 1, 2, 3, ... as {@code data.sequence} without gaps.
 */
public enum ArticleEventType {
    /** The article went live (from a draft, or again after it was retired). */
    PUBLISHED("kb-article-published"),
    /** Anything else: a draft created or edited, a published article revised. */
    UPDATED("kb-article-updated"),
    /** The article was taken off the knowledge base. */
    RETIRED("kb-article-retired");

    private final String topic;

    ArticleEventType(String topic) {
        this.topic = topic;
    }

    /** The Kafka topic, which is the event's name. */
    public String topic() {
        return topic;
    }

    public String cloudEventType() {
        return "io.supportplatform." + topic + ".v1";
    }

    /** The event a write from {@code before} (null: the article is new) to {@code after} publishes. */
    public static ArticleEventType of(Article before, Article after) {
        boolean wasPublished = before != null && before.status() == ArticleStatus.PUBLISHED;
        boolean wasRetired = before != null && before.status() == ArticleStatus.RETIRED;
        if (after.status() == ArticleStatus.PUBLISHED && !wasPublished) {
            return PUBLISHED;
        }
        if (after.status() == ArticleStatus.RETIRED && !wasRetired) {
            return RETIRED;
        }
        return UPDATED;
    }
}
