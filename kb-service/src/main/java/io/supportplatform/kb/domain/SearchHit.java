package io.supportplatform.kb.domain;

import java.util.List;

/** One ranked article; {@code snippet} is HTML-escaped body text with matches wrapped in {@code <mark>}. */
public record SearchHit(String id, String title, Language language, String category, List<String> products,
        float score, String snippet) {
}
