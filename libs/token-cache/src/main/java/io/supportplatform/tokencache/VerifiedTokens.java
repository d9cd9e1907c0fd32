package io.supportplatform.tokencache;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * The identities quarkus-oidc built for bearer access tokens it verified, keyed by the OIDC tenant and the exact
 * raw token, so the same token seen again needs no signature check and no JSON parsing (as Envoy's jwt_authn
 * caches verified tokens). A different token string, however small the difference (another signature, another
 * claim), is a different key and verified in full. An entry lives until the token's {@code exp} and at most
 * {@link TokenCacheConfig#maxAge()}; {@code exp} and {@code nbf} are still checked on every hit.
 * <p>
 * Never cached: sender-constrained tokens (a {@code cnf} claim: DPoP or certificate-bound, whose proof differs per
 * request) and requests carrying a DPoP proof. Per-request attributes (the routing context) are not kept.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** Attributes quarkus-oidc copies from the request into the identity; they belong to that request only. */
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final boolean enabled;
    private final Clock clock;
    private final Cache<String, Verified> cache;

    @Inject
    public VerifiedTokens(TokenCacheConfig config) {
        this(config, Clock.systemUTC());
    }

    VerifiedTokens(TokenCacheConfig config, Clock clock) {
        this.enabled = config.enabled();
        this.clock = clock;
        long maxAgeNanos = config.maxAge().toNanos();
        this.cache = Caffeine.newBuilder()
                .maximumSize(config.maxSize())
                .expireAfter(new Expiry<String, Verified>() {
                    @Override
                    public long expireAfterCreate(String key, Verified value, long currentTime) {
                        long untilExpiry = Duration.ofSeconds(value.expiresAt() - clock.instant().getEpochSecond())
                                .toNanos();
                        return Math.max(0, Math.min(maxAgeNanos, untilExpiry));
                    }

                    @Override
                    public long expireAfterUpdate(String key, Verified value, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Verified value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .recordStats()
                .build();
    }

    /** What quarkus-oidc verified, without the attributes of the request it was verified for. */
    record Verified(SecurityIdentity identity, long expiresAt, long notBefore) {
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The identity verified earlier for this bearer token and OIDC tenant, or null when the token must be verified
     * in full: unknown, or no longer valid by its {@code exp} or not yet by its {@code nbf} (checked on every hit).
     * Without the attributes of the request it was verified for: see {@link #forRequest}.
     */
    SecurityIdentity find(String tenant, AccessTokenCredential token) {
        if (!enabled) {
            return null;
        }
        String key = key(tenant, token);
        Verified verified = cache.getIfPresent(key);
        if (verified == null) {
            return null;
        }
        long now = clock.instant().getEpochSecond();
        if (now >= verified.expiresAt() || now < verified.notBefore()) {
            // The full verification refuses it (or, within a configured lifespan grace, accepts it again).
            cache.invalidate(key);
            return null;
        }
        return verified.identity();
    }

    /** A remembered identity as the identity of the current request: with its routing context, as quarkus-oidc sets. */
    static SecurityIdentity forRequest(SecurityIdentity remembered, RoutingContext request) {
        QuarkusSecurityIdentity.Builder identity = copy(remembered).addAttribute(ROUTING_CONTEXT, request);
        Object requestContext = request.get(REQUEST_CONTEXT);
        if (requestContext != null) {
            identity.addAttribute(REQUEST_CONTEXT, requestContext);
        }
        return identity.build();
    }

    /** Remembers an identity quarkus-oidc built for a bearer access token it verified. */
    void remember(SecurityIdentity identity) {
        if (!enabled || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.containsClaim("cnf")) {
            return;
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null || token.isOpaque() || !token.getToken().equals(jwt.getRawToken())
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        Object tenant = identity.getAttribute(OidcUtils.TENANT_ID_ATTRIBUTE);
        String key = key(tenant == null ? null : tenant.toString(), token);
        if (cache.asMap().containsKey(key)) {
            return; // a hit coming back through the augmentors (not counted as another hit)
        }
        cache.put(key, new Verified(copy(identity).build(), jwt.getExpirationTime(), notBefore(jwt)));
    }

    /** The token's {@code nbf} in epoch seconds, or the smallest long when it has none. */
    private static long notBefore(JsonWebToken jwt) {
        Object nbf = jwt.getClaim(Claims.nbf.name());
        if (nbf instanceof Number number) {
            return number.longValue();
        }
        return nbf instanceof JsonNumber number ? number.longValue() : Long.MIN_VALUE;
    }

    /** Hits, misses and evictions so far. */
    public CacheStats stats() {
        return cache.stats();
    }

    private static String key(String tenant, AccessTokenCredential token) {
        return (tenant == null ? OidcUtils.DEFAULT_TENANT_ID : tenant) + ' ' + token.getToken();
    }

    /**
     * Principal, roles, credentials, permissions and every attribute but the request's own. The permissions
     * quarkus-oidc derives from the token's scopes are possessed permissions, so the copy checks them the same way.
     */
    private static QuarkusSecurityIdentity.Builder copy(SecurityIdentity identity) {
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.remove(ROUTING_CONTEXT);
        attributes.remove(REQUEST_CONTEXT);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addPermissions(identity.getPermissions())
                .addAttributes(attributes);
    }
}
