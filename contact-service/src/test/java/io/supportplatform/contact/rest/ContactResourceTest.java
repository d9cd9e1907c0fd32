package io.supportplatform.contact.rest;

import static io.restassured.RestAssured.given;
import static io.supportplatform.contact.rest.Api.ADMIN;
import static io.supportplatform.contact.rest.Api.AGENT;
import static io.supportplatform.contact.rest.Api.SUPERVISOR;
import static io.supportplatform.contact.rest.Api.addContact;
import static io.supportplatform.contact.rest.Api.contact;
import static io.supportplatform.contact.rest.Api.freshSystemId;
import static io.supportplatform.contact.rest.Api.openAccount;
import static io.supportplatform.contact.rest.Api.today;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ContactResourceTest {

    static String contactsOf(String systemId) {
        return "/api/accounts/" + systemId + "/contacts";
    }

    @Test
    void supervisorAuthorizesAContactAndStaffReadIt() {
        String systemId = openAccount(freshSystemId(), 2);
        Map<String, Object> body = contact("anna.berger@example.com");
        body.put("keycloakUserId", "6f1c2b7e-kc-user");
        body.put("authorizedUntil", today().plusYears(1).toString());

        ExtractableResponse<Response> added = Api.post(SUPERVISOR, contactsOf(systemId), body);

        assertThat(added.statusCode(), equalTo(201));
        String id = added.path("id");
        assertThat(added.header("Location"), endsWith(contactsOf(systemId) + "/" + id));
        given().auth().oauth2(AGENT).when().get(added.header("Location"))
                .then().statusCode(200)
                .body("systemId", equalTo(systemId))
                .body("name", equalTo("Anna Berger"))
                .body("email", equalTo("anna.berger@example.com"))
                .body("phone", equalTo("+4930123456789"))
                .body("language", equalTo("de"))
                .body("keycloakUserId", equalTo("6f1c2b7e-kc-user"))
                .body("authorizedFrom", equalTo(today().toString()))
                .body("authorizedUntil", equalTo(today().plusYears(1).toString()))
                .body("status", equalTo("ACTIVE"));
        given().auth().oauth2(AGENT).when().get(contactsOf(systemId))
                .then().statusCode(200).body("id", containsInAnyOrder(id));
    }

    @Test
    void everyMalformedFieldIsNamedAtOnce() {
        String systemId = openAccount(freshSystemId(), 2);

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "", "email", "anna@", "phone", "030 1234567", "language", "fr",
                        "authorizedFrom", today().toString(), "authorizedUntil", today().toString()))
                .when().post(contactsOf(systemId))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("name", "email", "phone", "language",
                        "authorizedUntil"))
                .body("violations.find { it.field == 'authorizedUntil' }.rule", equalTo("UntilAfterFrom"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("email", "anna@example", "phone", "+49301"))
                .when().post(contactsOf(systemId))
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("name", "email", "phone", "language",
                        "authorizedFrom"));
    }

    @Test
    void contactsUpToTheQuotaThenConflict() {
        String systemId = openAccount(freshSystemId(), 2);

        assertThat(addContact(ADMIN, systemId, "one@example.com").statusCode(), equalTo(201));
        assertThat(addContact(ADMIN, systemId, "two@example.com").statusCode(), equalTo(201));

        // P12.2: the agreed number of contacts is reached
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(contact("three@example.com"))
                .when().post(contactsOf(systemId))
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("contact quota of 2"));
        given().auth().oauth2(ADMIN).when().get(contactsOf(systemId)).then().body("", hasSize(2));
    }

    @Test
    void revokingFreesASlotAndKeepsTheRecord() {
        String systemId = openAccount(freshSystemId(), 1);
        String id = addContact(ADMIN, systemId, "one@example.com").path("id");
        assertThat(addContact(ADMIN, systemId, "two@example.com").statusCode(), equalTo(409));

        given().auth().oauth2(SUPERVISOR).when().delete(contactsOf(systemId) + "/" + id)
                .then().statusCode(204);

        given().auth().oauth2(ADMIN).when().get(contactsOf(systemId) + "/" + id)
                .then().statusCode(200)
                .body("authorizedUntil", equalTo(today().toString()))
                .body("status", equalTo("ENDED"));
        assertThat(addContact(ADMIN, systemId, "two@example.com").statusCode(), equalTo(201));
        given().auth().oauth2(ADMIN).when().get(contactsOf(systemId)).then().body("", hasSize(2));
    }

    @Test
    void revokedAddressMayBeAuthorizedAgain() {
        String systemId = openAccount(freshSystemId(), 3);
        String id = addContact(ADMIN, systemId, "anna@example.com").path("id");

        given().auth().oauth2(ADMIN).when().delete(contactsOf(systemId) + "/" + id).then().statusCode(204);

        assertThat(addContact(ADMIN, systemId, "anna@example.com").statusCode(), equalTo(201));
    }

    @Test
    void duplicateEmailAmongCurrentContactsIsAConflict() {
        String systemId = openAccount(freshSystemId(), 3);
        addContact(ADMIN, systemId, "anna.berger@example.com");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(contact("Anna.Berger@Example.COM"))
                .when().post(contactsOf(systemId))
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("Anna.Berger@Example.COM"));
        // another account may name the same person
        assertThat(addContact(ADMIN, openAccount(freshSystemId(), 1), "anna.berger@example.com").statusCode(),
                equalTo(201));
    }

    @Test
    void customerSeesOnlyTheirOwnAccountAndContacts() {
        String own = openAccount("100001", 2);
        String other = openAccount("200002", 2);
        String ownContact = addContact(ADMIN, own, "anna@example.com").path("id");
        String otherContact = addContact(ADMIN, other, "bob@example.com").path("id");
        String anna = TestTokens.customer("anna", "100001");

        given().auth().oauth2(anna).when().get("/api/accounts/" + own)
                .then().statusCode(200).body("systemId", equalTo(own));
        given().auth().oauth2(anna).when().get(contactsOf(own))
                .then().statusCode(200).body("id", containsInAnyOrder(ownContact));
        given().auth().oauth2(anna).when().get(contactsOf(own) + "/" + ownContact)
                .then().statusCode(200).body("email", equalTo("anna@example.com"));

        // another account exists but is not hers: not found, not forbidden
        given().auth().oauth2(anna).when().get("/api/accounts/" + other)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(anna).when().get(contactsOf(other))
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(anna).when().get(contactsOf(other) + "/" + otherContact)
                .then().statusCode(404).contentType("application/problem+json");
        // nor through her own account's path
        given().auth().oauth2(anna).when().get(contactsOf(own) + "/" + otherContact)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void customerCannotAuthorizeOrRevokeContacts() {
        String systemId = openAccount(freshSystemId(), 2);
        String id = addContact(ADMIN, systemId, "anna@example.com").path("id");
        String customer = TestTokens.customer("anna", systemId);

        // adding and removing contacts is redesignation (P12.5), which comes as its own request
        given().auth().oauth2(customer).contentType(ContentType.JSON).body(contact("bob@example.com"))
                .when().post(contactsOf(systemId))
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(customer).when().delete(contactsOf(systemId) + "/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(contact("bob@example.com"))
                .when().post(contactsOf(systemId))
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).when().get(contactsOf(systemId) + "/" + id)
                .then().body("authorizedUntil", nullValue());
    }

    @Test
    void withoutTokenTheAnswerIs401() {
        String systemId = openAccount(freshSystemId(), 1);

        given().when().get(contactsOf(systemId))
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(contact("anna@example.com"))
                .when().post(contactsOf(systemId))
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void unknownAccountsAndContactsAreNotFound() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(contact("anna@example.com"))
                .when().post(contactsOf(freshSystemId()))
                .then().statusCode(404).contentType("application/problem+json");
        String systemId = openAccount(freshSystemId(), 1);
        given().auth().oauth2(ADMIN).when().get(contactsOf(systemId) + "/" + UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(ADMIN).when().get(contactsOf(systemId) + "/not-a-contact-id")
                .then().statusCode(404);
        given().auth().oauth2(ADMIN).when().delete(contactsOf(systemId) + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void concurrentAddsAtTheLimitLetExactlyOneThrough() throws Exception {
        int attempts = 8;
        String systemId = openAccount(freshSystemId(), 3);
        addContact(ADMIN, systemId, "first@example.com");
        addContact(ADMIN, systemId, "second@example.com");

        // one slot left (P12.2); all requests are released at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String email = "racer" + i + "@example.com";
                statuses.add(pool.submit(() -> {
                    start.await();
                    return addContact(ADMIN, systemId, email).statusCode();
                }));
            }
            start.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get(60, TimeUnit.SECONDS));
            }

            assertThat(answers.stream().filter(s -> s == 201).count(), equalTo(1L));
            assertThat(answers.stream().filter(s -> s == 409).count(), equalTo((long) attempts - 1));
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(ADMIN).when().get(contactsOf(systemId)).then().body("", hasSize(3));
    }
}
