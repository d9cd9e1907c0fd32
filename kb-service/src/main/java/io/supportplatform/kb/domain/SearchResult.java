package io.supportplatform.kb.domain;

import java.util.List;
import java.util.Map;

/**
 * The best hits and, over all matching articles (not only the returned ones), counts per facet:
 * {@code category}, {@code product}, {@code language} mapped to value -> number of articles.
 */
public record SearchResult(long total, List<SearchHit> hits, Map<String, Map<String, Integer>> facets) {

    public static SearchResult empty() {
        return new SearchResult(0, List.of(), Map.of());
    }
}
