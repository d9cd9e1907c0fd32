package io.supportplatform.devstack.testing;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;

/**
 * Keycloak-shaped access tokens for service tests, RS256-signed with the key pair that {@link OidcTestResource}
 * hands to the service: {@code sub}, {@code preferred_username}, {@code email}, {@code realm_access.roles},
 * and {@code system_id} for customers (the one customer account the user belongs to).
 */
public final class TestTokens {

    /** The issuer claim of every test token; {@link OidcTestResource} makes services expect it. */
    public static final String ISSUER = "https://keycloak.test/realms/support";

    private TestTokens() {
    }

    /** A user of customer account {@code systemId} (6-digit system ID) with role {@code customer}. */
    public static String customer(String username, String systemId) {
        return sign(username, List.of("customer"), Map.of("system_id", systemId));
    }

    /** A support agent (role {@code agent}). */
    public static String agent(String username) {
        return user(username, "agent");
    }

    /** A user with exactly the given realm roles, e.g. {@code user("olga", "ops")}. */
    public static String user(String username, String... roles) {
        return sign(username, List.of(roles), Map.of());
    }

    /** The subject every token of {@code username} carries (stable across tokens, like Keycloak's user id). */
    public static String subject(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The per-JVM signing key. Public because Quarkus may load {@link OidcTestResource} and this class in
     * different class loaders, where package-private access fails with an IllegalAccessError.
     */
    public static KeyPair keyPair() {
        return (KeyPair) JvmWide.call("oidcKeyPair");
    }

    private static String sign(String username, List<String> roles, Map<String, Object> extraClaims) {
        var claims = Jwt.claims()
                .issuer(ISSUER)
                .subject(subject(username))
                .claim("typ", "Bearer")
                .claim("azp", "support-portal")
                .claim("preferred_username", username)
                .claim("email", username + "@example.test")
                .claim("email_verified", true)
                .claim("realm_access", Map.of("roles", roles))
                .claim("scope", "openid profile email")
                .expiresIn(3600);
        extraClaims.forEach(claims::claim);
        return claims.jws().keyId("devstack-test").sign(keyPair().getPrivate());
    }
}
