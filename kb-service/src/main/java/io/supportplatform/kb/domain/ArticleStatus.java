package io.supportplatform.kb.domain;

public enum ArticleStatus {
    DRAFT,
    PUBLISHED,
    RETIRED
}
