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
     * How often the relay retries while publishing fails (e.g. the broker is down). Read by the
     * {@code @Scheduled} sweep.
     */
    @WithDefault("1s")
    Duration sweepEvery();

    /**
     * How often the relay looks for pending events while all is well: writes nudge it themselves, so this
     * only picks up what a stopped instance left. Rare on purpose: the look is a scan over all articles.
     */
    @WithDefault("30s")
    Duration idleSweepEvery();
}
