package io.supportplatform.contact.rest;

import static io.restassured.RestAssured.given;
import static io.supportplatform.contact.rest.Api.ADMIN;
import static io.supportplatform.contact.rest.Api.AGENT;
import static io.supportplatform.contact.rest.Api.SUPERVISOR;
import static io.supportplatform.contact.rest.Api.addContact;
import static io.supportplatform.contact.rest.Api.openAccount;
import static io.supportplatform.contact.rest.Api.today;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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

/** Submitting, listing and withdrawing redesignations (P12.5); their activation: RedesignationActivationTest. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(PostgresTestResource.class)
class RedesignationResourceTest {

    private static final AtomicInteger NEXT_SYSTEM_ID = new AtomicInteger(600000);

    static String freshSystemId() {
        return String.valueOf(NEXT_SYSTEM_ID.incrementAndGet());
    }

    static String redesignationsOf(String systemId) {
        return "/api/accounts/" + systemId + "/redesignations";
    }

    static Map<String, Object> named(String email) {
        Map<String, Object> contact = new HashMap<>();
        contact.put("name", "Lena Vogt");
        contact.put("email", email);
        contact.put("phone", "+4940123456789");
        contact.put("language", "en");
        return contact;
    }

    static Map<String, Object> redesignation(LocalDate effectiveOn, List<Map<String, Object>> add, List<String> remove) {
        Map<String, Object> body = new HashMap<>();
        body.put("effectiveOn", effectiveOn.toString());
        body.put("add", add);
        body.put("remove", remove);
        return body;
    }

    static ExtractableResponse<Response> submit(String token, String systemId, Map<String, Object> body) {
        return Api.post(token, redesignationsOf(systemId), body);
    }

    static String contactId(String systemId, String email) {
        ExtractableResponse<Response> added = addContact(ADMIN, systemId, email);
        assertThat(added.body().asString(), added.statusCode(), equalTo(201));
        return added.path("id");
    }

    /** A customer token of a user who is an authorized contact of the account today. */
    static String customerContact(String systemId, String username) {
        Map<String, Object> body = Api.contact(username + "@" + systemId + ".example.com");
        body.put("keycloakUserId", TestTokens.subject(username));
        assertThat(Api.post(ADMIN, "/api/accounts/" + systemId + "/contacts", body).statusCode(), equalTo(201));
        return TestTokens.customer(username, systemId);
    }

    @Test
    void anAuthorizedContactReplacesAColleagueFromAFutureDate() {
        String systemId = openAccount(freshSystemId(), 3);
        String anna = customerContact(systemId, "anna");
        String leaving = contactId(systemId, "leaving@example.com");
        LocalDate effectiveOn = today().plusDays(14);

        ExtractableResponse<Response> submitted = submit(anna, systemId,
                redesignation(effectiveOn, List.of(named("lena.vogt@example.com")), List.of(leaving)));

        assertThat(submitted.body().asString(), submitted.statusCode(), equalTo(201));
        assertThat(submitted.header("Location"), containsString(redesignationsOf(systemId) + "/"));
        assertThat(submitted.path("status"), equalTo("PENDING"));
        assertThat(submitted.path("effectiveOn"), equalTo(effectiveOn.toString()));
        assertThat(submitted.path("add[0].email"), equalTo("lena.vogt@example.com"));
        assertThat(submitted.path("remove[0]"), equalTo(leaving));
        assertThat(submitted.path("submittedBy"), equalTo("anna"));
        // nothing changes before the date: the leaving contact is still active, the new one not there yet
        given().auth().oauth2(AGENT).get("/api/accounts/" + systemId + "/contacts/" + leaving)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("authorizedUntil", equalTo(null));
        given().auth().oauth2(anna).get(redesignationsOf(systemId))
                .then().statusCode(200).body("id", containsInAnyOrder((String) submitted.path("id")));
        given().auth().oauth2(AGENT).get(submitted.header("Location"))
                .then().statusCode(200).body("status", equalTo("PENDING"));
        // the written notice is on record (P12.4)
        given().auth().oauth2(ADMIN).get("/api/accounts/" + systemId + "/audit")
                .then().statusCode(200)
                .body("[0].action", equalTo("REDESIGNATION_SUBMITTED"))
                .body("[0].actor", equalTo("anna"))
                .body("[0].after.effectiveOn", equalTo(effectiveOn.toString()));
    }

    @Test
    void theQuotaIsCheckedAgainstTheContactsOnTheEffectiveDate() {
        String systemId = openAccount(freshSystemId(), 2);
        String first = contactId(systemId, "first@example.com");
        contactId(systemId, "second@example.com");
        LocalDate day = today().plusDays(10);

        // at the limit: one more on that date is one too many (P12.2), and the answer names the quota
        ExtractableResponse<Response> over = submit(SUPERVISOR, systemId,
                redesignation(day, List.of(named("third@example.com")), List.of()));
        assertThat(over.statusCode(), equalTo(409));
        assertThat(over.contentType(), startsWith("application/problem+json"));
        assertThat(over.path("detail"), containsString("contact quota of 2"));
        assertThat(over.path("detail"), containsString(day.toString()));

        // replacing one keeps the account at its quota: accepted
        assertThat(submit(SUPERVISOR, systemId,
                redesignation(day, List.of(named("third@example.com")), List.of(first))).statusCode(), equalTo(201));
        // the same slot cannot be used twice: on a later day the pending replacement still counts
        assertThat(submit(SUPERVISOR, systemId,
                redesignation(day.plusDays(1), List.of(named("fourth@example.com")), List.of())).statusCode(),
                equalTo(409));
        // nor can the contact leaving on that date be removed a second time
        assertThat(submit(SUPERVISOR, systemId,
                redesignation(day.plusDays(2), List.of(), List.of(first))).statusCode(), equalTo(409));
    }

    @Test
    void aChangeBeforeAPendingOneMustStillFitOnThePendingOnesDate() {
        String systemId = openAccount(freshSystemId(), 2);
        contactId(systemId, "first@example.com");
        LocalDate later = today().plusDays(20);
        assertThat(submit(ADMIN, systemId, redesignation(later, List.of(named("later@example.com")), List.of()))
                .statusCode(), equalTo(201));

        // on its own date it would fit (2 of 2), but on the later date the account would have 3
        ExtractableResponse<Response> earlier = submit(ADMIN, systemId,
                redesignation(today().plusDays(5), List.of(named("earlier@example.com")), List.of()));

        assertThat(earlier.statusCode(), equalTo(409));
        assertThat(earlier.path("detail"), containsString("On " + later));
    }

    @Test
    void anEmailAddressInUseOnTheDateIsRefused() {
        String systemId = openAccount(freshSystemId(), 5);
        String taken = contactId(systemId, "taken@example.com");

        assertThat(submit(ADMIN, systemId, redesignation(today().plusDays(3),
                List.of(named("TAKEN@example.com")), List.of())).statusCode(), equalTo(409));
        // removed the same day, its address is free for the successor
        assertThat(submit(ADMIN, systemId, redesignation(today().plusDays(3),
                List.of(named("taken@example.com")), List.of(taken))).statusCode(), equalTo(201));
    }

    @Test
    void aPendingChangeIsWithdrawnOnceAndThenNoMore() {
        String systemId = openAccount(freshSystemId(), 3);
        String anna = customerContact(systemId, "anna");
        String id = submit(SUPERVISOR, systemId, redesignation(today().plusDays(7),
                List.of(named("new@example.com")), List.of())).path("id");

        given().auth().oauth2(anna).delete(redesignationsOf(systemId) + "/" + id).then().statusCode(204);

        ExtractableResponse<Response> again = given().auth().oauth2(ADMIN)
                .delete(redesignationsOf(systemId) + "/" + id).then().extract();
        assertThat(again.statusCode(), equalTo(409));
        assertThat(again.contentType(), startsWith("application/problem+json"));
        given().auth().oauth2(AGENT).get(redesignationsOf(systemId) + "/" + id).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("settledBy", equalTo("anna"));
        given().auth().oauth2(ADMIN).get("/api/accounts/" + systemId + "/audit").then().statusCode(200)
                .body("[0].action", equalTo("REDESIGNATION_WITHDRAWN"))
                .body("[0].before.status", equalTo("PENDING"))
                .body("[0].after.status", equalTo("WITHDRAWN"));
        // its slot is free again
        assertThat(submit(SUPERVISOR, systemId, redesignation(today().plusDays(7),
                List.of(named("new@example.com"), named("other@example.com")), List.of())).statusCode(), equalTo(201));
    }

    @Test
    void anotherAccountsRedesignationsAreNotFound() {
        String mine = openAccount(freshSystemId(), 3);
        String theirs = openAccount(freshSystemId(), 3);
        String anna = customerContact(mine, "anna");
        String theirChange = submit(ADMIN, theirs, redesignation(today().plusDays(7),
                List.of(named("new@example.com")), List.of())).path("id");

        given().auth().oauth2(anna).get(redesignationsOf(theirs)).then().statusCode(404);
        given().auth().oauth2(anna).get(redesignationsOf(theirs) + "/" + theirChange).then().statusCode(404);
        given().auth().oauth2(anna).delete(redesignationsOf(theirs) + "/" + theirChange).then().statusCode(404);
        assertThat(submit(anna, theirs, redesignation(today().plusDays(7), List.of(named("x@example.com")),
                List.of())).statusCode(), equalTo(404));
        // under their own account's path the id is just as unknown
        given().auth().oauth2(anna).get(redesignationsOf(mine) + "/" + theirChange).then().statusCode(404);
        given().auth().oauth2(anna).delete(redesignationsOf(mine) + "/" + theirChange).then().statusCode(404);
        // and another account's contact cannot be removed through one's own
        String theirContact = contactId(theirs, "their@example.com");
        ExtractableResponse<Response> foreign = submit(anna, mine,
                redesignation(today().plusDays(7), List.of(), List.of(theirContact)));
        assertThat(foreign.statusCode(), equalTo(400));
        assertThat(foreign.path("violations[0].field"), equalTo("remove[0]"));
        // still pending
        given().auth().oauth2(ADMIN).get(redesignationsOf(theirs) + "/" + theirChange).then()
                .body("status", equalTo("PENDING"));
    }

    @Test
    void onlyAuthorizedContactsSupervisorsAndAdminsRedesignate() {
        String systemId = openAccount(freshSystemId(), 3);
        Map<String, Object> body = redesignation(today().plusDays(7), List.of(named("new@example.com")), List.of());

        // a customer user of the account who is not (or no longer) one of its contacts (P12.1)
        assertThat(submit(TestTokens.customer("stranger", systemId), systemId, body).statusCode(), equalTo(403));
        assertThat(submit(AGENT, systemId, body).statusCode(), equalTo(403));
        given().contentType(ContentType.JSON).body(body).post(redesignationsOf(systemId)).then().statusCode(401);
        assertThat(submit(ADMIN, "999998", body).statusCode(), equalTo(404));
    }

    @Test
    void keycloakUsersAreNotProvisionedWhileTheLinkIsOff() {
        // contact.keycloak.enabled is off in this profile (KeycloakLinkTest switches it on)
        String systemId = openAccount(freshSystemId(), 3);
        Map<String, Object> contact = Api.contact("lena@example.com");
        contact.put("keycloak", "PROVISION");
        assertThat(Api.post(ADMIN, "/api/accounts/" + systemId + "/contacts", contact).statusCode(), equalTo(409));
        Map<String, Object> named = named("lena@example.com");
        named.put("keycloak", "LINK");
        assertThat(submit(ADMIN, systemId, redesignation(today().plusDays(3), List.of(named), List.of()))
                .statusCode(), equalTo(409));
        named.put("keycloak", "INVENT");
        ExtractableResponse<Response> malformed = submit(ADMIN, systemId,
                redesignation(today().plusDays(3), List.of(named), List.of()));
        assertThat(malformed.statusCode(), equalTo(400));
        assertThat(malformed.path("violations[0].field"), equalTo("add[0].keycloak"));
        given().auth().oauth2(ADMIN).get("/api/accounts/" + systemId + "/contacts").then().body("size()", equalTo(0));
    }

    @Test
    void everyMalformedFieldIsNamed() {
        String systemId = openAccount(freshSystemId(), 3);
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", " ");
        bad.put("email", "not-an-address");
        bad.put("phone", "030 1234");
        bad.put("language", "fr");
        bad.put("keycloakUserId", "x".repeat(256));
        Map<String, Object> body = new HashMap<>();
        body.put("effectiveOn", today().minusDays(1).toString());
        body.put("add", List.of(bad));

        ExtractableResponse<Response> answer = submit(ADMIN, systemId, body);

        assertThat(answer.statusCode(), equalTo(400));
        assertThat(answer.contentType(), startsWith("application/problem+json"));
        List<String> fields = answer.path("violations.field");
        assertThat(fields, containsInAnyOrder("effectiveOn", "add[0].name", "add[0].email", "add[0].phone",
                "add[0].language", "add[0].keycloakUserId"));

        List<Map<String, Object>> cases = new ArrayList<>();
        cases.add(Map.of("add", List.of(named("a@example.com"))));
        cases.add(Map.of("effectiveOn", "not-a-date", "add", List.of(named("a@example.com"))));
        cases.add(Map.of("effectiveOn", today().plusDays(3).toString(), "remove", List.of("not-a-uuid")));
        cases.add(Map.of("effectiveOn", today().plusDays(3).toString()));
        cases.add(Map.of("effectiveOn", today().toString(), "add", List.of(named("a@example.com"))));
        cases.add(Map.of("effectiveOn", today().plusDays(3).toString(),
                "add", List.of(named("a@example.com"), named("A@example.com"))));
        String contact = contactId(systemId, "c@example.com");
        cases.add(Map.of("effectiveOn", today().plusDays(3).toString(), "remove", List.of(contact, contact)));
        List<String> expected = List.of("effectiveOn", "effectiveOn", "remove[0]", "add", "effectiveOn",
                "add[1].email", "remove[1]");
        for (int i = 0; i < cases.size(); i++) {
            ExtractableResponse<Response> refused = submit(ADMIN, systemId, cases.get(i));
            assertThat(cases.get(i) + ": " + refused.body().asString(), refused.statusCode(), equalTo(400));
            assertThat(refused.contentType(), startsWith("application/problem+json"));
            List<String> named = refused.path("violations.field");
            assertThat(cases.get(i).toString(), named, hasItem(expected.get(i)));
        }
        given().auth().oauth2(ADMIN).get(redesignationsOf(systemId)).then().statusCode(200).body("size()", equalTo(0));
    }
}
