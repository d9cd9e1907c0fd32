package io.supportplatform.contact.rest;

import static io.restassured.RestAssured.given;
import static io.supportplatform.contact.rest.Api.ADMIN;
import static io.supportplatform.contact.rest.Api.contact;
import static io.supportplatform.contact.rest.Api.freshSystemId;
import static io.supportplatform.contact.rest.Api.openAccount;
import static io.supportplatform.contact.rest.Api.today;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;

/** The lookup other services ask before letting a user file a ticket (P12.1). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AuthorizationLookupTest {

    /** What ticket-service's service account (client support-services) carries: realm role agent. */
    static final String SERVICE_ACCOUNT = TestTokens.agent("service-account-support-services");

    static String addContactOfUser(String systemId, String username, Map<String, Object> changes) {
        Map<String, Object> body = contact(username + "@example.com");
        body.put("keycloakUserId", TestTokens.subject(username));
        body.putAll(changes);
        var added = Api.post(ADMIN, "/api/accounts/" + systemId + "/contacts", body);
        if (added.statusCode() != 201) {
            throw new AssertionError("adding " + username + ": " + added.statusCode() + " " + added.body().asString());
        }
        return added.path("id");
    }

    static ValidatableResponse lookup(String token, String systemId, String userId) {
        return given().auth().oauth2(token)
                .when().get("/api/accounts/" + systemId + "/contacts/" + userId + "/authorization")
                .then();
    }

    @Test
    void anActiveContactOfAnActiveAccountIsAuthorized() {
        String systemId = openAccount(freshSystemId(), 3);
        String until = today().plusMonths(6).toString();
        String contactId = addContactOfUser(systemId, "carla", Map.of("authorizedUntil", until));

        lookup(SERVICE_ACCOUNT, systemId, TestTokens.subject("carla"))
                .statusCode(200)
                .header("Cache-Control", allOf(containsString("private"), containsString("max-age=5")))
                .body("authorized", equalTo(true))
                .body("reason", nullValue())
                .body("contactId", equalTo(contactId))
                .body("validFrom", equalTo(today().toString()))
                .body("validUntil", equalTo(until));
    }

    @Test
    void eachReasonForRefusal() {
        String systemId = openAccount(freshSystemId(), 3);
        String scheduledId = addContactOfUser(systemId, "dora",
                Map.of("authorizedFrom", today().plusDays(7).toString()));
        String revokedId = addContactOfUser(systemId, "emil", Map.of());
        given().auth().oauth2(ADMIN).when().delete("/api/accounts/" + systemId + "/contacts/" + revokedId)
                .then().statusCode(204);

        lookup(SERVICE_ACCOUNT, systemId, TestTokens.subject("dora")).statusCode(200)
                .body("authorized", equalTo(false))
                .body("reason", equalTo("NOT_YET_AUTHORIZED"))
                .body("contactId", equalTo(scheduledId))
                .body("validFrom", equalTo(today().plusDays(7).toString()));
        lookup(SERVICE_ACCOUNT, systemId, TestTokens.subject("emil")).statusCode(200)
                .body("authorized", equalTo(false))
                .body("reason", equalTo("AUTHORIZATION_ENDED"))
                .body("contactId", equalTo(revokedId))
                .body("validUntil", equalTo(today().toString()));
        lookup(SERVICE_ACCOUNT, systemId, UUID.randomUUID().toString()).statusCode(200)
                .body("authorized", equalTo(false))
                .body("reason", equalTo("NOT_A_CONTACT"))
                .body("contactId", nullValue());
        lookup(SERVICE_ACCOUNT, freshSystemId(), TestTokens.subject("dora")).statusCode(200)
                .body("authorized", equalTo(false))
                .body("reason", equalTo("UNKNOWN_ACCOUNT"));
    }

    @Test
    void nobodyOfASuspendedAccountIsAuthorizedUntilItIsActiveAgain() {
        String systemId = openAccount(freshSystemId(), 3);
        addContactOfUser(systemId, "fritz", Map.of());
        setStatus(systemId, "SUSPENDED");

        lookup(SERVICE_ACCOUNT, systemId, TestTokens.subject("fritz")).statusCode(200)
                .body("authorized", equalTo(false))
                .body("reason", equalTo("ACCOUNT_SUSPENDED"));

        setStatus(systemId, "ACTIVE");
        lookup(SERVICE_ACCOUNT, systemId, TestTokens.subject("fritz")).statusCode(200)
                .body("authorized", equalTo(true));
    }

    @Test
    void aContactNamedAgainAfterARevocationIsAuthorizedByTheNewRecord() {
        String systemId = openAccount(freshSystemId(), 3);
        String first = addContactOfUser(systemId, "gerd", Map.of());
        given().auth().oauth2(ADMIN).when().delete("/api/accounts/" + systemId + "/contacts/" + first)
                .then().statusCode(204);
        Map<String, Object> again = contact("gerd.new@example.com");
        again.put("keycloakUserId", TestTokens.subject("gerd"));
        String second = Api.post(ADMIN, "/api/accounts/" + systemId + "/contacts", again).path("id");

        lookup(SERVICE_ACCOUNT, systemId, TestTokens.subject("gerd")).statusCode(200)
                .body("authorized", equalTo(true))
                .body("contactId", equalTo(second));
    }

    @Test
    void aCustomerMayAskOnlyAboutThemselvesInTheirOwnAccount() {
        String systemId = openAccount(freshSystemId(), 3);
        addContactOfUser(systemId, "hanna", Map.of());
        addContactOfUser(systemId, "ines", Map.of());
        String hanna = TestTokens.customer("hanna", systemId);

        lookup(hanna, systemId, TestTokens.subject("hanna")).statusCode(200).body("authorized", equalTo(true));
        // another user of the same account: the customer knows the account, but not whom it names
        lookup(hanna, systemId, TestTokens.subject("ines")).statusCode(403)
                .contentType("application/problem+json");
        // another account, as everywhere: indistinguishable from one that does not exist
        lookup(TestTokens.customer("hanna", freshSystemId()), systemId, TestTokens.subject("hanna"))
                .statusCode(404).contentType("application/problem+json");
        given().when().get("/api/accounts/" + systemId + "/contacts/" + TestTokens.subject("hanna") + "/authorization")
                .then().statusCode(401);
    }

    private static void setStatus(String systemId, String status) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("status", status))
                .when().patch("/api/accounts/" + systemId)
                .then().statusCode(200);
    }
}
