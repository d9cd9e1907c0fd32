package io.supportplatform.kb.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo knowledge base (item 6 of issue 6): loaded at start when {@code DEMO_DATA=true}. */
@ConfigMapping(prefix = "kb.demo-data")
public interface DemoDataConfig {

    @WithDefault("false")
    boolean enabled();
}
