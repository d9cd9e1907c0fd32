package io.supportplatform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** How many pending events one relay round claims (and locks) at most. */
    @WithDefault("100")
    int batchSize();

    /**
     * How often the relay sweeps for pending events besides the nudge after each commit: picks up what an
     * earlier attempt could not publish (e.g. Kafka down) or another instance left behind. Read by the
     * {@code @Scheduled} sweep.
     */
    Duration sweepEvery();
}
