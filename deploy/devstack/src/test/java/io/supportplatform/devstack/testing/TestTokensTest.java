package io.supportplatform.devstack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

class TestTokensTest {

    private final Map<String, String> config = new OidcTestResource().start();

    @Test
    void customerTokenVerifiesAgainstThePublishedKeyAndCarriesTheKeycloakClaims() throws Exception {
        JwtClaims claims = verify(TestTokens.customer("anna", "100001"), publishedKey());
        assertEquals(TestTokens.ISSUER, claims.getIssuer());
        assertEquals("anna", claims.getStringClaimValue("preferred_username"));
        assertEquals("anna@example.test", claims.getStringClaimValue("email"));
        assertEquals("100001", claims.getStringClaimValue("system_id"));
        assertEquals(TestTokens.subject("anna"), claims.getSubject());
        assertEquals(List.of("customer"), realmRoles(claims));
    }

    @Test
    void staffTokensCarryTheirRolesAndNoSystemId() throws Exception {
        JwtClaims agent = verify(TestTokens.agent("alex"), publishedKey());
        assertEquals(List.of("agent"), realmRoles(agent));
        assertFalse(agent.hasClaim("system_id"));
        assertEquals(List.of("ops", "admin"), realmRoles(verify(TestTokens.user("olga", "ops", "admin"),
                publishedKey())));
    }

    @Test
    void aTokenDoesNotVerifyAgainstAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PublicKey other = generator.generateKeyPair().getPublic();
        assertThrows(InvalidJwtException.class, () -> verify(TestTokens.agent("alex"), other));
    }

    private PublicKey publishedKey() throws Exception {
        assertEquals(TestTokens.ISSUER, config.get("quarkus.oidc.token.issuer"));
        byte[] der = Base64.getDecoder().decode(config.get("quarkus.oidc.public-key"));
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    private static JwtClaims verify(String token, PublicKey key) throws InvalidJwtException {
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setExpectedIssuer(TestTokens.ISSUER)
                .setRequireExpirationTime()
                .setRequireSubject()
                .build()
                .processToClaims(token);
    }

    @SuppressWarnings("unchecked")
    private static List<String> realmRoles(JwtClaims claims) {
        return (List<String>) ((Map<String, Object>) claims.getClaimValue("realm_access")).get("roles");
    }
}
