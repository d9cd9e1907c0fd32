package io.supportplatform.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The alarm scheduler ({@code sla.alarms.*}). */
@ConfigMapping(prefix = "sla.alarms")
public interface AlarmConfig {

    /** Whether this instance fires due alarms (any number of instances may). */
    @WithDefault("true")
    boolean enabled();

    /** How many due alarms one round claims (and locks) at most; a full round is followed by the next at once. */
    @WithDefault("500")
    int batchSize();

    /**
     * The longest the scheduler sleeps between rounds, also when the next alarm is further away: bounds how late an
     * alarm planned by another instance (or in a transaction this instance did not see commit) is noticed.
     */
    @WithDefault("250ms")
    Duration maxSleep();
}
