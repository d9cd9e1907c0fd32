package io.supportplatform.devstack.testing;

import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Makes a service verify bearer tokens locally against the per-JVM test key that {@link TestTokens} signs with,
 * instead of asking Keycloak: signatures, issuer, expiry and roles are still checked for real.
 */
public class OidcTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String publicKey = Base64.getEncoder().encodeToString(TestTokens.keyPair().getPublic().getEncoded());
        return Map.of(
                "quarkus.oidc.public-key", publicKey,
                "quarkus.oidc.token.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // nothing started
    }
}
