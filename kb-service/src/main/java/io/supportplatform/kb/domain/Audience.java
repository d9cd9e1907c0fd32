package io.supportplatform.kb.domain;

/** Whom a read or search answers: staff see every article, everyone else only published public ones. */
public enum Audience {
    STAFF,
    CUSTOMER;

    public boolean mayRead(Article article) {
        return this == STAFF
                || (article.status() == ArticleStatus.PUBLISHED && article.visibility() == Visibility.PUBLIC);
    }
}
