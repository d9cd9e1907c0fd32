package io.supportplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.supportplatform.devstack.DevStack;
import io.supportplatform.devstack.KeycloakServer;

/**
 * Customer accounts and authorized contacts set up the way an administrator does it: through contact-service's
 * API behind the gateway (P12). Ticket-service learns of them from contact-service's events (P12.1).
 */
final class Contacts {

    /** The demo customers' fixed Keycloak user ids (deploy/keycloak/support-realm.json). */
    static final String ANNA_ID = "6f1c2d3e-0000-4000-8000-000000000001";
    static final String JONAS_ID = "6f1c2d3e-0000-4000-8000-000000000002";

    private Contacts() {
    }

    /**
     * Makes sure account 100001 exists with anna and jonas as authorized contacts, and waits until ticket-service
     * lets them file. Idempotent: with DEMO_DATA (contact-service's demo accounts) all of it exists already, and
     * "already exists" (409) counts as done.
     */
    static void ensureDemoContacts(DevStack platform) {
        String admin = Tokens.password(platform, "admin");
        openAccount(admin, "100001", "Nordwind Logistik GmbH");
        ensureContact(admin, "100001", "Anna Berger", "anna.berger@nordwind.example", ANNA_ID);
        ensureContact(admin, "100001", "Jonas Keller", "jonas.keller@nordwind.example", JONAS_ID);
        for (String user : List.of("anna", "jonas")) {
            awaitFilingAuthorization(Tokens.password(platform, user), true, Duration.ofSeconds(30));
        }
    }

    /** Opens an account (201), or finds it opened already (409). */
    static void openAccount(String adminToken, String systemId, String name) {
        given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(Map.of("systemId", systemId, "licenseCode", systemId + "-7F3A-22C9", "name", name,
                        "region", "EU-DE", "supportLevel", "PREMIUM", "contactQuota", 5))
                .post("/api/accounts")
                .then().statusCode(anyOf(is(201), is(409)));
    }

    /** Authorizes the Keycloak user from today unless they are an active contact of the account already. */
    static void ensureContact(String adminToken, String systemId, String name, String email, String keycloakUserId) {
        List<Map<String, Object>> contacts = given().auth().oauth2(adminToken)
                .get("/api/accounts/{systemId}/contacts", systemId)
                .then().statusCode(200).extract().path("");
        boolean active = contacts.stream().anyMatch(contact -> keycloakUserId.equals(contact.get("keycloakUserId"))
                && "ACTIVE".equals(contact.get("status")));
        if (!active) {
            authorize(adminToken, systemId, name, email, keycloakUserId, anyOf(is(201), is(409)));
        }
    }

    /** Authorizes a contact from today; returns the answer's contact id (null unless 201). */
    static String authorize(String adminToken, String systemId, String name, String email, String keycloakUserId,
            org.hamcrest.Matcher<Integer> expectedStatus) {
        return given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", email, "phone", "+4930123456789", "language", "de",
                        "keycloakUserId", keycloakUserId, "authorizedFrom", LocalDate.now(ZoneOffset.UTC).toString()))
                .post("/api/accounts/{systemId}/contacts", systemId)
                .then().statusCode(expectedStatus).extract().path("id");
    }

    /** Waits until ticket-service's answer for the customer is {@code authorized}; returns how long it took. */
    static Duration awaitFilingAuthorization(String customerToken, boolean authorized, Duration atMost) {
        long start = System.nanoTime();
        await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(customerToken).get("/api/tickets/filing-authorization")
                        .then().statusCode(200).extract().<Boolean> path("authorized") == authorized);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Keycloak users and tokens of the running platform. */
    static final class Tokens {

        private Tokens() {
        }

        /** A real access token by password grant (all demo users have password {@code demo}). */
        static String password(DevStack platform, String user) {
            return given().baseUri(platform.tokenEndpoint()).contentType(ContentType.URLENC)
                    .formParam("grant_type", "password").formParam("client_id", "support-portal")
                    .formParam("username", user).formParam("password", "demo")
                    .post()
                    .then().statusCode(200).extract().path("access_token");
        }

        /**
         * Creates a customer user of account {@code systemId} in realm {@code support} (password {@code demo})
         * through Keycloak's admin API, as an administrator does before naming them a contact; returns its id.
         */
        static String createCustomer(DevStack platform, String username, String systemId) {
            String master = given().baseUri(platform.keycloakUrl())
                    .contentType(ContentType.URLENC)
                    .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                    .formParam("username", KeycloakServer.ADMIN_USERNAME)
                    .formParam("password", KeycloakServer.ADMIN_PASSWORD)
                    .post("/realms/master/protocol/openid-connect/token")
                    .then().statusCode(200).extract().path("access_token");
            String admin = platform.keycloakUrl() + "/admin/realms/" + KeycloakServer.REALM;
            String location = given().auth().oauth2(master).contentType(ContentType.JSON)
                    .body(Map.of("username", username, "enabled", true, "email", username + "@example.com",
                            "emailVerified", true, "firstName", username, "lastName", "Tester",
                            "attributes", Map.of("system_id", List.of(systemId)),
                            "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false))))
                    .post(admin + "/users")
                    .then().statusCode(201).extract().header("Location");
            String userId = location.substring(location.lastIndexOf('/') + 1);
            Map<String, Object> customerRole = given().auth().oauth2(master).get(admin + "/roles/customer")
                    .then().statusCode(200).extract().path("");
            given().auth().oauth2(master).contentType(ContentType.JSON).body(List.of(customerRole))
                    .post(admin + "/users/" + userId + "/role-mappings/realm")
                    .then().statusCode(204);
            return userId;
        }
    }
}
