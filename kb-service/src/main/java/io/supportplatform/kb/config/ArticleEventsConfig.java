package io.supportplatform.kb.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Publishing of kb-article-* events from the articles' outboxes. */
@ConfigMapping(prefix = "kb.events")
public interface ArticleEventsConfig {

    /** How many articles with pending events one relay round takes at most. */
    @WithDefault("100")
    int batchSize();

    /**
     * How often the relay looks for pending events besides the nudge after each write: publishes what a broker
     * outage held back or what a stopped instance left. Read by the {@code @Scheduled} sweep.
     */
    @WithDefault("1s")
    Duration sweepEvery();
}
