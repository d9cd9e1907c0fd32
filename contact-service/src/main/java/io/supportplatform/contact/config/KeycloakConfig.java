package io.supportplatform.contact.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The link of contacts to Keycloak users (realm {@code support}). */
@ConfigMapping(prefix = "contact.keycloak")
public interface KeycloakConfig {

    /** Off: contacts only record a Keycloak user id; nothing is provisioned, linked or unlinked. */
    @WithDefault("false")
    boolean enabled();

    /** The realm's URL, {@code <server>/realms/<realm>}, as in OIDC_AUTH_SERVER_URL; the admin API is derived. */
    String realmUrl();

    /** How often the sync job looks for links to make or undo (and retries after Keycloak was unreachable). */
    @WithDefault("10s")
    Duration syncEvery();

    /** Longest wait between two attempts at one contact while Keycloak is unreachable. */
    @WithDefault("5m")
    Duration maxRetryDelay();
}
