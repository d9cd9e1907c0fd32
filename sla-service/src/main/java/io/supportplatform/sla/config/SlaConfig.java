package io.supportplatform.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "sla")
public interface SlaConfig {

    /** The region whose business calendar counts a ticket filed without a region, or with an unknown one. */
    @WithDefault("EU-DE")
    String defaultRegion();
}
