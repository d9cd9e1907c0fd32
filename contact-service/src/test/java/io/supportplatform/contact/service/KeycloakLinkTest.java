package io.supportplatform.contact.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.supportplatform.devstack.testing.EventContract;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.KeycloakTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.PublishedEvents;
import io.vertx.core.json.JsonObject;

/**
 * Contacts and their Keycloak users in the project's real Keycloak (realm file deploy/keycloak/support-realm.json):
 * provisioning, linking, and taking the customer rights away when the authorization ends. Tokens are the realm's
 * own (password grant of demo user {@code admin}).
 */
@QuarkusTest
@TestProfile(KeycloakLinkTest.KeycloakLinkOn.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class KeycloakLinkTest {

    public static class KeycloakLinkOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("contact.keycloak.enabled", "true");
        }
    }

    static final Duration WAIT = Duration.ofSeconds(60);
    static final AtomicInteger NEXT_SYSTEM_ID = new AtomicInteger(800000);
    static final String MARIA_ID = "6f1c2d3e-0000-4000-8000-000000000003";

    static String keycloak() {
        return ConfigProvider.getConfig().getValue("keycloak.test.base-url", String.class);
    }

    /** A token of the realm's demo admin, issued by Keycloak itself. */
    static String admin() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "support-portal",
                "username", "admin", "password", "demo"))
                .post(keycloak() + "/realms/support/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** The Keycloak server admin, to look at the realm independently of the service. */
    static String serverAdmin() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", "admin"))
                .post(keycloak() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static Map<String, Object> keycloakUser(String id) {
        return given().auth().oauth2(serverAdmin()).get(keycloak() + "/admin/realms/support/users/" + id)
                .then().statusCode(200).extract().path("$");
    }

    static List<String> realmRoles(String id) {
        return given().auth().oauth2(serverAdmin())
                .get(keycloak() + "/admin/realms/support/users/" + id + "/role-mappings/realm")
                .then().statusCode(200).extract().path("name");
    }

    @SuppressWarnings("unchecked")
    static String systemIdOf(Map<String, Object> user) {
        Map<String, List<String>> attributes = (Map<String, List<String>>) user.get("attributes");
        return attributes == null || attributes.get("system_id") == null ? null : attributes.get("system_id").get(0);
    }

    static String openAccount(String token) {
        String systemId = String.valueOf(NEXT_SYSTEM_ID.incrementAndGet());
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("systemId", systemId, "name", "Muster AG", "region", "EU-DE", "supportLevel", "STANDARD",
                        "contactQuota", 3))
                .post("/api/accounts").then().statusCode(201);
        return systemId;
    }

    static Map<String, Object> contact(String name, String email, String keycloak) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("phone", "+4930123456789");
        body.put("language", "de");
        body.put("authorizedFrom", LocalDate.now(ZoneOffset.UTC).toString());
        body.put("keycloak", keycloak);
        return body;
    }

    static String addContact(String token, String systemId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/accounts/" + systemId + "/contacts").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> awaitSync(String token, String systemId, String contactId, String action) {
        Awaitility.await().atMost(WAIT).until(() -> {
            Map<String, Object> contact = readContact(token, systemId, contactId);
            return action.equals(contact.get("keycloakAction")) && !"PENDING".equals(contact.get("keycloakSync"));
        });
        return readContact(token, systemId, contactId);
    }

    static Map<String, Object> readContact(String token, String systemId, String contactId) {
        return given().auth().oauth2(token).get("/api/accounts/" + systemId + "/contacts/" + contactId)
                .then().statusCode(200).extract().path("$");
    }

    @Test
    void aNewContactGetsAKeycloakUserAndLosesItsCustomerRightsWhenRevoked() {
        String token = admin();
        String systemId = openAccount(token);
        String email = "lena.vogt." + systemId + "@example.com";

        String contactId = addContact(token, systemId, contact("Lena Vogt", email, "PROVISION"));

        Map<String, Object> linked = awaitSync(token, systemId, contactId, "PROVISION");
        assertEquals("DONE", linked.get("keycloakSync"), linked.toString());
        String userId = (String) linked.get("keycloakUserId");
        assertNotNull(userId);
        Map<String, Object> user = keycloakUser(userId);
        assertEquals(email, user.get("email"));
        assertEquals("Lena", user.get("firstName"));
        assertEquals("Vogt", user.get("lastName"));
        assertEquals(systemId, systemIdOf(user));
        assertThat((List<String>) user.get("requiredActions"), hasItem("UPDATE_PASSWORD"));
        assertThat(realmRoles(userId), hasItem("customer"));
        // the user id reaches the consumers: contact-authorized again, now naming the user
        List<ConsumerRecord<String, String>> authorized = PublishedEvents.awaitAll(List.of("contact-authorized"),
                systemId, 2, WAIT);
        JsonObject latest = new JsonObject(authorized.get(authorized.size() - 1).value());
        var valid = EventContract.of("contact-authorized.v1.schema.json").validate(latest);
        assertTrue(valid.getValid(), () -> valid.getErrors().toString());
        assertEquals(userId, latest.getJsonObject("data").getString("keycloakUserId"));
        assertEquals(contactId, latest.getJsonObject("data").getString("contactId"));
        // the service now answers for the user by its Keycloak id (P12.1)
        given().auth().oauth2(token).get("/api/accounts/" + systemId + "/contacts/" + userId + "/authorization")
                .then().statusCode(200).body("authorized", org.hamcrest.Matchers.equalTo(true));

        given().auth().oauth2(token).delete("/api/accounts/" + systemId + "/contacts/" + contactId)
                .then().statusCode(204);

        Map<String, Object> unlinked = awaitSync(token, systemId, contactId, "UNLINK");
        assertEquals("DONE", unlinked.get("keycloakSync"), unlinked.toString());
        assertNull(systemIdOf(keycloakUser(userId)));
        assertThat(realmRoles(userId), not(hasItem("customer")));
        List<String> actions = given().auth().oauth2(token).get("/api/accounts/" + systemId + "/audit")
                .then().statusCode(200).extract().path("action");
        assertThat(actions, hasItem("CONTACT_KEYCLOAK_LINKED"));
        assertThat(actions, hasItem("CONTACT_KEYCLOAK_UNLINKED"));
    }

    @Test
    void anExistingUserIsLinkedByItsEmailAddress() {
        String token = admin();
        String systemId = openAccount(token);
        String email = "kai.brandt." + systemId + "@example.com";
        String location = given().auth().oauth2(serverAdmin()).contentType(ContentType.JSON)
                .body(Map.of("username", "kai" + systemId, "email", email, "firstName", "Kai", "lastName", "Brandt",
                        "enabled", true))
                .post(keycloak() + "/admin/realms/support/users").then().statusCode(201).extract().header("Location");
        String userId = location.substring(location.lastIndexOf('/') + 1);

        String contactId = addContact(token, systemId, contact("Kai Brandt", email, "LINK"));

        Map<String, Object> linked = awaitSync(token, systemId, contactId, "LINK");
        assertEquals("DONE", linked.get("keycloakSync"), linked.toString());
        assertEquals(userId, linked.get("keycloakUserId"));
        assertEquals(systemId, systemIdOf(keycloakUser(userId)));
        assertThat(realmRoles(userId), hasItem("customer"));
    }

    @Test
    void aUserOfAnotherAccountIsNotLinked() {
        String token = admin();
        String systemId = openAccount(token);
        Map<String, Object> body = contact("Maria Lopez", "maria.lopez." + systemId + "@example.com", "LINK");
        body.put("keycloakUserId", MARIA_ID);

        String contactId = addContact(token, systemId, body);

        Map<String, Object> refused = awaitSync(token, systemId, contactId, "LINK");
        assertEquals("FAILED", refused.get("keycloakSync"));
        assertThat((String) refused.get("keycloakSyncError"), containsString("belongs to account 200002"));
        assertEquals("200002", systemIdOf(keycloakUser(MARIA_ID)), "maria stays with her account");
    }
}
