package io.supportplatform.contact.rest;

import static io.restassured.RestAssured.given;
import static io.supportplatform.contact.rest.Api.ADMIN;
import static io.supportplatform.contact.rest.Api.AGENT;
import static io.supportplatform.contact.rest.Api.SUPERVISOR;
import static io.supportplatform.contact.rest.Api.addContact;
import static io.supportplatform.contact.rest.Api.freshSystemId;
import static io.supportplatform.contact.rest.Api.openAccount;
import static io.supportplatform.contact.rest.Api.today;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;

/** P12.4: every change to an account and its contacts is on record, who made it, when, before and after. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(PostgresTestResource.class)
class AuditTrailTest {

    static ValidatableResponse trail(String token, String systemId, String query) {
        return given().auth().oauth2(token).when().get("/api/accounts/" + systemId + "/audit" + query)
                .then().log().ifValidationFails();
    }

    @Test
    void everyChangeIsRecordedWithItsActorAndTheStateBeforeAndAfter() {
        String systemId = openAccount(freshSystemId(), 2); // by ada (admin)
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("contactQuota", 3, "name", "Muster AG"))
                .when().patch("/api/accounts/" + systemId).then().statusCode(200);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(Map.of("status", "SUSPENDED"))
                .when().patch("/api/accounts/" + systemId).then().statusCode(200);
        String contactId = addContact(ADMIN, systemId, "anna.berger@example.com").path("id");
        given().auth().oauth2(SUPERVISOR).when().delete("/api/accounts/" + systemId + "/contacts/" + contactId)
                .then().statusCode(204);

        trail(ADMIN, systemId, "").statusCode(200)
                .body("", hasSize(5))
                .body("action", contains("CONTACT_REVOKED", "CONTACT_AUTHORIZED", "ACCOUNT_STATUS_CHANGED",
                        "ACCOUNT_TERMS_CHANGED", "ACCOUNT_OPENED"))
                .body("systemId", contains(systemId, systemId, systemId, systemId, systemId))
                .body("actor", contains("sam", "ada", "sam", "sam", "ada"))
                .body("actorSubject[0]", equalTo(TestTokens.subject("sam")))
                .body("actorSubject[4]", equalTo(TestTokens.subject("ada")))
                .body("occurredAt", hasSize(5))
                // revoked: the authorization now ends today
                .body("[0].contactId", equalTo(contactId))
                .body("[0].before.authorizedUntil", nullValue())
                .body("[0].after.authorizedUntil", equalTo(today().toString()))
                .body("[0].after.email", equalTo("anna.berger@example.com"))
                // authorized: nothing before
                .body("[1].contactId", equalTo(contactId))
                .body("[1].before", nullValue())
                .body("[1].after.id", equalTo(contactId))
                .body("[1].after.phone", equalTo("+4930123456789"))
                .body("[1].after.language", equalTo("de"))
                .body("[1].after.authorizedFrom", equalTo(today().toString()))
                .body("[2].contactId", nullValue())
                .body("[2].before.status", equalTo("ACTIVE"))
                .body("[2].after.status", equalTo("SUSPENDED"))
                .body("[3].before.contactQuota", equalTo(2))
                .body("[3].before.name", equalTo("Muster Logistik GmbH"))
                .body("[3].after.contactQuota", equalTo(3))
                .body("[3].after.name", equalTo("Muster AG"))
                .body("[3].after.region", equalTo("EU-DE"))
                .body("[4].before", nullValue())
                .body("[4].after.systemId", equalTo(systemId))
                .body("[4].after.licenseCode", equalTo(systemId + "-7F3A-22C9"))
                .body("[4].after.status", equalTo("ACTIVE"));

        trail(SUPERVISOR, systemId, "?page=1&size=2").statusCode(200)
                .body("action", contains("ACCOUNT_STATUS_CHANGED", "ACCOUNT_TERMS_CHANGED"));
        trail(SUPERVISOR, systemId, "?size=0").statusCode(400);
    }

    @Test
    void onlyRealChangesAreRecorded() {
        String systemId = openAccount(freshSystemId(), 1);
        String contactId = addContact(ADMIN, systemId, "one@example.com").path("id");
        // refused: over the quota (P12.2), and a quota below the current contacts
        addContact(ADMIN, systemId, "two@example.com");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("contactQuota", 0))
                .when().patch("/api/accounts/" + systemId).then().statusCode(400);
        // nothing to change: the same status again, revoking an ended contact
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("status", "ACTIVE"))
                .when().patch("/api/accounts/" + systemId).then().statusCode(200);
        given().auth().oauth2(ADMIN).when().delete("/api/accounts/" + systemId + "/contacts/" + contactId)
                .then().statusCode(204);
        given().auth().oauth2(ADMIN).when().delete("/api/accounts/" + systemId + "/contacts/" + contactId)
                .then().statusCode(204);
        // terms and status at once: one entry each, terms first
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Muster AG", "region", "US-EAST", "supportLevel", "STANDARD",
                        "contactQuota", 1, "status", "SUSPENDED"))
                .when().put("/api/accounts/" + systemId).then().statusCode(200);

        trail(ADMIN, systemId, "").statusCode(200)
                .body("action", contains("ACCOUNT_STATUS_CHANGED", "ACCOUNT_TERMS_CHANGED", "CONTACT_REVOKED",
                        "CONTACT_AUTHORIZED", "ACCOUNT_OPENED"))
                .body("[0].after.status", equalTo("SUSPENDED"))
                .body("[1].before.region", equalTo("EU-DE"))
                .body("[1].after.region", equalTo("US-EAST"))
                .body("[1].after.supportLevel", equalTo("STANDARD"));
    }

    @Test
    void aCustomerReadsTheirOwnAccountsTrailOnly() {
        String own = openAccount(freshSystemId(), 2);
        String other = openAccount(freshSystemId(), 2);
        addContact(ADMIN, other, "someone@example.com");
        String customer = TestTokens.customer("anna", own);

        trail(customer, own, "").statusCode(200)
                .body("action", contains("ACCOUNT_OPENED"))
                .body("[0].id", notNullValue());
        trail(customer, other, "").statusCode(404).contentType("application/problem+json");
        trail(AGENT, own, "").statusCode(403);
        trail(ADMIN, freshSystemId(), "").statusCode(404).contentType("application/problem+json");
        // each account's trail holds its own changes only
        trail(ADMIN, other, "").statusCode(200)
                .body("action", contains("CONTACT_AUTHORIZED", "ACCOUNT_OPENED"))
                .body("systemId", contains(other, other));
    }
}
