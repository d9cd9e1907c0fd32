package io.supportplatform.kb.domain;

import java.util.List;

/** What an author writes; everything else on an article is lifecycle and bookkeeping. */
public record ArticleContent(String title, String body, Language language, List<ProductRef> products,
        List<String> platforms, String category, List<String> tags, Visibility visibility) {

    public ArticleContent {
        products = products == null ? List.of() : List.copyOf(products);
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
