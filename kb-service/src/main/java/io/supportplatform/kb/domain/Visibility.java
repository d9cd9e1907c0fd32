package io.supportplatform.kb.domain;

/** Who may read an article: internal articles never reach customers. */
public enum Visibility {
    PUBLIC,
    INTERNAL
}
