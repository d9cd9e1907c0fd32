package io.supportplatform.tokencache;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Asked before quarkus-oidc's own provider: answers a bearer access token verified earlier from
 * {@link VerifiedTokens}; for any other token it answers nothing, and quarkus-oidc verifies it in full (Quarkus
 * security tries the next provider when one yields no identity). Failures are never cached: a refused token is
 * verified, and refused, every time.
 */
@ApplicationScoped
public class VerifiedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokens tokens;

    public VerifiedTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        // quarkus-oidc's provider keeps the default priority; a higher one is asked first.
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!tokens.enabled() || !(request.getToken() instanceof AccessTokenCredential token)) {
            return Uni.createFrom().nullItem();
        }
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        // A DPoP proof differs per request and must be checked each time (such tokens are never remembered either).
        if (http == null || http.get(OidcUtils.DPOP_PROOF) != null) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity remembered = tokens.find(http.get(OidcUtils.TENANT_ID_ATTRIBUTE), token);
        return Uni.createFrom().item(remembered == null ? null : VerifiedTokens.forRequest(remembered, http));
    }
}
