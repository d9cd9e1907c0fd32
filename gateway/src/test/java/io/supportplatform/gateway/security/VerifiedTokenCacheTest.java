package io.supportplatform.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.gateway.proxy.EchoUpstreams;
import io.supportplatform.tokencache.VerifiedTokens;

/**
 * The gateway remembers verified tokens (libs/token-cache) without accepting anything a full verification refuses:
 * a token is answered from the cache only when it is byte for byte one that was verified, and still valid.
 */
@QuarkusTest
@WithTestResource(OidcTestResource.class)
@WithTestResource(EchoUpstreams.class)
class VerifiedTokenCacheTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    VerifiedTokens tokens;

    @Test
    void verifiesATokenOnceAndAnswersItsRepeatsFromTheCache() {
        String token = TestTokens.agent("alex-" + UUID.randomUUID());
        long hitsBefore = tokens.stats().hitCount();
        for (int i = 0; i < 3; i++) {
            kbArticles(token).statusCode(200).header("X-Upstream", "kb");
        }
        assertTrue(tokens.stats().hitCount() >= hitsBefore + 2, "repeats answered from the cache");
    }

    @Test
    void refusesARoleTheRouteDoesNotAdmitWith403ProblemAlsoFromTheCache() {
        String ops = TestTokens.user("olga-" + UUID.randomUUID(), "ops");
        long hitsBefore = tokens.stats().hitCount();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(ops).contentType("application/json").body("{}")
                    .post("/api/tickets")
                    .then()
                    .statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("status", equalTo(403))
                    .body("title", equalTo("Forbidden"));
        }
        assertTrue(tokens.stats().hitCount() > hitsBefore, "the second answer came from the cache");
    }

    @Test
    void refusesTheCachedTokensPayloadUnderAnotherSignature() throws Exception {
        String token = TestTokens.agent("alex-" + UUID.randomUUID());
        kbArticles(token).statusCode(200);
        kbArticles(token).statusCode(200);

        String headerAndPayload = token.substring(0, token.lastIndexOf('.'));
        // Same header and claims, signed by a key that is not the realm's.
        String otherKeysSignature = sign(Jwt.claims(claimsOf(token)), otherKey());
        String forged = headerAndPayload + otherKeysSignature.substring(otherKeysSignature.lastIndexOf('.'));
        assertTrue(!forged.equals(token));
        unauthorized(kbArticles(forged));
        // And the genuine token is still accepted.
        kbArticles(token).statusCode(200);
    }

    @Test
    void refusesACachedTokenOnceItHasExpired() throws Exception {
        Instant expiresAt = Instant.now().plusSeconds(3);
        String token = sign(agentClaims("alex-" + UUID.randomUUID(), TestTokens.ISSUER).expiresAt(expiresAt),
                TestTokens.keyPair().getPrivate());
        kbArticles(token).statusCode(200);
        kbArticles(token).statusCode(200);

        Thread.sleep(Math.max(0, expiresAt.plusSeconds(1).toEpochMilli() - System.currentTimeMillis()));
        unauthorized(kbArticles(token));
    }

    @Test
    void refusesATokenOfAnotherIssuerWhateverWasCached() throws Exception {
        String user = "alex-" + UUID.randomUUID();
        String genuine = sign(agentClaims(user, TestTokens.ISSUER), TestTokens.keyPair().getPrivate());
        kbArticles(genuine).statusCode(200);
        kbArticles(genuine).statusCode(200);

        // The same user and claims from another realm: signed with the realm's own key, then with another realm's.
        String otherRealm = "https://keycloak.test/realms/other";
        unauthorized(kbArticles(sign(agentClaims(user, otherRealm), TestTokens.keyPair().getPrivate())));
        unauthorized(kbArticles(sign(agentClaims(user, otherRealm), otherKey())));
    }

    private static ValidatableResponse kbArticles(String token) {
        return given().auth().oauth2(token).get("/api/kb/articles").then();
    }

    private static void unauthorized(ValidatableResponse response) {
        response.statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder agentClaims(String username, String issuer) {
        return Jwt.claims()
                .issuer(issuer)
                .subject(TestTokens.subject(username))
                .claim("typ", "Bearer")
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", List.of("agent")))
                .expiresIn(3600);
    }

    private static String sign(io.smallrye.jwt.build.JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().keyId("devstack-test").sign(key);
    }

    private static Map<String, Object> claimsOf(String token) {
        String payload = token.split("\\.")[1];
        return new io.vertx.core.json.JsonObject(new String(java.util.Base64.getUrlDecoder().decode(payload),
                java.nio.charset.StandardCharsets.UTF_8)).getMap();
    }

    private static PrivateKey otherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        return pair.getPrivate();
    }
}
