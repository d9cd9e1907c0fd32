package io.supportplatform.contact.rest;

import static io.restassured.RestAssured.given;
import static io.supportplatform.contact.rest.Api.ADMIN;
import static io.supportplatform.contact.rest.Api.AGENT;
import static io.supportplatform.contact.rest.Api.SUPERVISOR;
import static io.supportplatform.contact.rest.Api.account;
import static io.supportplatform.contact.rest.Api.addContact;
import static io.supportplatform.contact.rest.Api.freshSystemId;
import static io.supportplatform.contact.rest.Api.openAccount;
import static io.supportplatform.contact.rest.Api.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
class AccountResourceTest {

    @Test
    void supervisorOpensAnAccountAndStaffReadIt() {
        String systemId = freshSystemId();
        ExtractableResponse<Response> opened = post(SUPERVISOR, "/api/accounts", account(systemId, 3));

        assertThat(opened.statusCode(), equalTo(201));
        assertThat(opened.header("Location"), endsWith("/api/accounts/" + systemId));
        assertThat(opened.<String> path("status"), equalTo("ACTIVE"));

        given().auth().oauth2(AGENT).when().get(opened.header("Location"))
                .then().statusCode(200)
                .body("systemId", equalTo(systemId))
                .body("licenseCode", equalTo(systemId + "-7F3A-22C9"))
                .body("name", equalTo("Muster Logistik GmbH"))
                .body("region", equalTo("EU-DE"))
                .body("supportLevel", equalTo("PREMIUM"))
                .body("contactQuota", equalTo(3))
                .body("status", equalTo("ACTIVE"))
                .body("createdAt", equalTo(opened.path("createdAt")));
        given().auth().oauth2(TestTokens.user("tina", "tier2")).when().get("/api/accounts/" + systemId)
                .then().statusCode(200);
    }

    @Test
    void licenseCodeWithoutTheSystemIdIsRejected() {
        // P5.a: the system ID is the first six digits of the license code
        Map<String, Object> body = account(freshSystemId(), 3);
        body.put("licenseCode", "999999-7F3A-22C9");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/accounts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("licenseCode"))
                .body("violations[0].rule", equalTo("LicenseCodeOfSystemId"));
    }

    @Test
    void accountWithoutLicenseCodeIsAccepted() {
        Map<String, Object> body = account(freshSystemId(), 1);
        body.remove("licenseCode");

        assertThat(post(ADMIN, "/api/accounts", body).statusCode(), equalTo(201));
    }

    @Test
    void everyMalformedFieldIsNamedAtOnce() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("systemId", "12345", "licenseCode", "12x", "name", " ", "region", "europe",
                        "supportLevel", "GOLD", "contactQuota", 0))
                .when().post("/api/accounts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", containsInAnyOrder("systemId", "licenseCode", "name", "region",
                        "supportLevel", "contactQuota"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("systemId", freshSystemId(), "contactQuota", 101))
                .when().post("/api/accounts")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("name", "region", "supportLevel", "contactQuota"))
                .body("violations.find { it.field == 'contactQuota' }.rule", equalTo("Max"));
    }

    @Test
    void mismatchedLicenseCodeIsNamedWithTheOtherBadFields() {
        Map<String, Object> body = account(freshSystemId(), 0);
        body.put("licenseCode", "999999-1");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/accounts")
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("licenseCode", "contactQuota"));
    }

    @Test
    void secondAccountWithTheSameSystemIdIsAConflict() {
        String systemId = openAccount(freshSystemId(), 2);

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(account(systemId, 5))
                .when().post("/api/accounts")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(systemId));
        given().auth().oauth2(ADMIN).when().get("/api/accounts/" + systemId)
                .then().body("contactQuota", equalTo(2));
    }

    @Test
    void sameSystemIdOpenedConcurrentlyOnceOnlyTheRestConflict() throws Exception {
        int attempts = 6;
        String systemId = freshSystemId();
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return post(ADMIN, "/api/accounts", account(systemId, 2)).statusCode();
                }));
            }
            start.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get(60, TimeUnit.SECONDS));
            }

            // never a 500: a lost race on the primary key is a conflict like any other duplicate
            assertThat(answers.stream().filter(s -> s == 201).count(), equalTo(1L));
            assertThat(answers.stream().filter(s -> s == 409).count(), equalTo((long) attempts - 1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlySupervisorsAndAdminsOpenAccounts() {
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(account(freshSystemId(), 2))
                .when().post("/api/accounts")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.customer("anna", "100001")).contentType(ContentType.JSON)
                .body(account("100001", 2))
                .when().post("/api/accounts")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void withoutTokenTheAnswerIs401() {
        given().contentType(ContentType.JSON).body(account(freshSystemId(), 2))
                .when().post("/api/accounts")
                .then().statusCode(401).contentType("application/problem+json");
        given().when().get("/api/accounts")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void staffListAccountsCustomersMayNot() {
        String first = openAccount(freshSystemId(), 1);
        String second = openAccount(freshSystemId(), 1);

        given().auth().oauth2(AGENT).queryParam("size", 200).when().get("/api/accounts")
                .then().statusCode(200)
                .body("systemId", hasItems(first, second));
        given().auth().oauth2(TestTokens.customer("anna", "100001")).when().get("/api/accounts")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(AGENT).queryParam("size", 0).when().get("/api/accounts")
                .then().statusCode(400).body("violations[0].field", equalTo("size"));
    }

    @Test
    void putReplacesTheTermsAndPatchChangesSome() {
        String systemId = openAccount(freshSystemId(), 2);

        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("name", "Muster AG", "region", "US-EAST", "supportLevel", "STANDARD",
                        "contactQuota", 4, "status", "SUSPENDED"))
                .when().put("/api/accounts/" + systemId)
                .then().statusCode(200)
                .body("name", equalTo("Muster AG"))
                .body("region", equalTo("US-EAST"))
                .body("supportLevel", equalTo("STANDARD"))
                .body("contactQuota", equalTo(4))
                .body("status", equalTo("SUSPENDED"))
                .body("version", greaterThan(0));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("status", "ACTIVE"))
                .when().patch("/api/accounts/" + systemId)
                .then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("name", equalTo("Muster AG"))
                .body("contactQuota", equalTo(4));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("region", "eu", "contactQuota", 0))
                .when().patch("/api/accounts/" + systemId)
                .then().statusCode(400)
                .body("violations.field", containsInAnyOrder("region", "contactQuota"));
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(Map.of("status", "SUSPENDED"))
                .when().patch("/api/accounts/" + systemId)
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("status", "SUSPENDED"))
                .when().patch("/api/accounts/" + freshSystemId())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void quotaCannotDropBelowTheCurrentContacts() {
        String systemId = openAccount(freshSystemId(), 3);
        addContact(ADMIN, systemId, "one@example.com");
        addContact(ADMIN, systemId, "two@example.com");

        // P12.2: two contacts are authorized, so the agreed number cannot be one
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("contactQuota", 1))
                .when().patch("/api/accounts/" + systemId)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("contact quota"))
                .body("detail", containsString("has 2 authorized contacts"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("contactQuota", 2))
                .when().patch("/api/accounts/" + systemId)
                .then().statusCode(200).body("contactQuota", equalTo(2));
    }
}
