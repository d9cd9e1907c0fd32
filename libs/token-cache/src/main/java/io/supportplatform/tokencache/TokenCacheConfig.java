package io.supportplatform.tokencache;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The verified bearer token cache ({@code platform.token-cache.*}); off unless a service turns it on. */
@ConfigMapping(prefix = "platform.token-cache")
public interface TokenCacheConfig {

    /** Whether a bearer token quarkus-oidc verified is remembered until it expires. */
    @WithDefault("false")
    boolean enabled();

    /** How many distinct tokens are remembered at most (least recently used go first). */
    @WithDefault("10000")
    long maxSize();

    /**
     * How long a token is remembered at most, even if it expires later: bounds how long a token keeps being
     * accepted after its signing key was withdrawn from the realm (a full verification would refuse it).
     */
    @WithDefault("5m")
    Duration maxAge();
}
