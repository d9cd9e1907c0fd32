package io.supportplatform.kb.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of {@code GET /api/kb/search}. */
@ConfigMapping(prefix = "kb.search")
public interface SearchConfig {

    /** Longer input is refused: nobody types more, and it bounds the work one request can cause. */
    @WithDefault("500")
    int maxQueryLength();

    @WithDefault("10")
    int defaultLimit();

    @WithDefault("50")
    int maxLimit();

    /**
     * Complete answers kept for repeated searches (each a few kilobytes: hits with snippets, facets), dropped
     * whenever the index changes; 0 turns the cache off.
     */
    @WithDefault("2000")
    int resultCacheSize();

    /** Threads computing searches (not answered from the result cache); default: one per core. */
    Optional<Integer> threads();

    /** Searches that may wait for a thread; more at once are answered 503. */
    @WithDefault("1000")
    int queue();
}
