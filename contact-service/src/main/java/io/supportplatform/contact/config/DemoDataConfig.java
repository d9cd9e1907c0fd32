package io.supportplatform.contact.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "contact.demo-data")
public interface DemoDataConfig {

    /** Load the demo accounts and contacts at start (env {@code DEMO_DATA}; the local run and e2e set it). */
    @WithDefault("false")
    boolean enabled();
}
