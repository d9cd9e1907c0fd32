package io.supportplatform.tokencache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * The cache's own rules, with a clock the test moves: a hit only for the exact token and tenant, never past the
 * token's exp or before its nbf even while the entry is still held, nothing kept from the request it was verified
 * for, and nothing remembered that must be verified per request. The HTTP behaviour is tested in the gateway.
 */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final MovableClock clock = new MovableClock(NOW);

    @Test
    void findsTheIdentityOfTheExactTokenAndTenantOnly() {
        VerifiedTokens tokens = cache(true);
        SecurityIdentity verified = identity(jwt("signature"), NOW.plusSeconds(300), null, Map.of());
        tokens.remember(verified);

        SecurityIdentity hit = tokens.find("Default", new AccessTokenCredential(jwt("signature")));
        assertNotNull(hit);
        assertSame(verified.getPrincipal(), hit.getPrincipal());
        assertEquals(Set.of("agent"), hit.getRoles());
        assertNull(tokens.find("Default", new AccessTokenCredential(jwt("other-signature"))), "other signature");
        assertNull(tokens.find("other-realm", new AccessTokenCredential(jwt("signature"))), "other tenant");
    }

    @Test
    void refusesAHeldTokenOnceItsExpiryHasPassed() {
        VerifiedTokens tokens = cache(true);
        tokens.remember(identity(jwt("signature"), NOW.plusSeconds(60), null, Map.of()));
        clock.now = NOW.plusSeconds(59);
        assertNotNull(tokens.find("Default", new AccessTokenCredential(jwt("signature"))));
        // The entry's own lifetime runs on real time and has not ended: the hit itself must check exp.
        clock.now = NOW.plusSeconds(60);
        assertNull(tokens.find("Default", new AccessTokenCredential(jwt("signature"))));
        clock.now = NOW;
        assertNull(tokens.find("Default", new AccessTokenCredential(jwt("signature"))), "dropped, not just skipped");
    }

    @Test
    void refusesAHeldTokenBeforeItsNotBefore() {
        VerifiedTokens tokens = cache(true);
        tokens.remember(identity(jwt("signature"), NOW.plusSeconds(300), NOW.minusSeconds(1), Map.of()));
        assertNotNull(tokens.find("Default", new AccessTokenCredential(jwt("signature"))));
        clock.now = NOW.minusSeconds(2);
        assertNull(tokens.find("Default", new AccessTokenCredential(jwt("signature"))));
    }

    @Test
    void keepsNothingOfTheRequestTheTokenWasVerifiedFor() {
        VerifiedTokens tokens = cache(true);
        tokens.remember(identity(jwt("signature"), NOW.plusSeconds(300), null,
                Map.of(RoutingContext.class.getName(), new Object(), "tenant-id", "Default")));
        SecurityIdentity hit = tokens.find("Default", new AccessTokenCredential(jwt("signature")));
        assertNull(hit.getAttribute(RoutingContext.class.getName()));
        assertEquals("Default", hit.getAttribute("tenant-id"));
    }

    @Test
    void remembersNoSenderConstrainedOrOpaqueTokenAndNothingWhenOff() {
        VerifiedTokens tokens = cache(true);
        JwtClaims bound = claims(NOW.plusSeconds(300), null);
        bound.setClaim("cnf", Map.of("jkt", "thumbprint"));
        tokens.remember(identity(jwt("bound"), bound, Map.of()));
        assertNull(tokens.find("Default", new AccessTokenCredential(jwt("bound"))));

        VerifiedTokens off = cache(false);
        off.remember(identity(jwt("signature"), NOW.plusSeconds(300), null, Map.of()));
        assertNull(off.find("Default", new AccessTokenCredential(jwt("signature"))));
        assertEquals(0, off.stats().requestCount());
    }

    /** Shaped like a real JWT (quarkus-oidc takes anything else for an opaque token); the signature part varies. */
    private static String jwt(String signature) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString("{\"sub\":\"alex\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(signature.getBytes(StandardCharsets.UTF_8));
    }

    private VerifiedTokens cache(boolean enabled) {
        return new VerifiedTokens(new TokenCacheConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public long maxSize() {
                return 100;
            }

            @Override
            public Duration maxAge() {
                return Duration.ofMinutes(5);
            }
        }, clock);
    }

    private static JwtClaims claims(Instant expiresAt, Instant notBefore) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://keycloak.test/realms/support");
        claims.setSubject("alex");
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        if (notBefore != null) {
            claims.setNotBefore(NumericDate.fromSeconds(notBefore.getEpochSecond()));
        }
        return claims;
    }

    private static SecurityIdentity identity(String rawToken, Instant expiresAt, Instant notBefore,
            Map<String, Object> attributes) {
        return identity(rawToken, claims(expiresAt, notBefore), attributes);
    }

    /** Built the way quarkus-oidc builds it: its principal type over the claims, the raw token as credential. */
    private static SecurityIdentity identity(String rawToken, JwtClaims claims, Map<String, Object> attributes) {
        claims.setClaim("raw_token", rawToken);
        AccessTokenCredential credential = new AccessTokenCredential(rawToken);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new OidcJwtCallerPrincipal(claims, credential))
                .addCredential(credential)
                .addRole("agent")
                .addAttributes(attributes)
                .build();
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
