package io.supportplatform.contact.rest;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.supportplatform.devstack.testing.TestTokens;

/** Requests and bodies the contact-service tests share. All test classes share one database. */
final class Api {

    static final String ADMIN = TestTokens.user("ada", "admin");
    static final String SUPERVISOR = TestTokens.user("sam", "supervisor");
    static final String AGENT = TestTokens.agent("alex");

    private static final AtomicInteger NEXT_SYSTEM_ID = new AtomicInteger(300000);

    private Api() {
    }

    /** A system ID no other test uses. */
    static String freshSystemId() {
        return String.valueOf(NEXT_SYSTEM_ID.incrementAndGet());
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static Map<String, Object> account(String systemId, int contactQuota) {
        Map<String, Object> body = new HashMap<>();
        body.put("systemId", systemId);
        body.put("licenseCode", systemId + "-7F3A-22C9");
        body.put("name", "Muster Logistik GmbH");
        body.put("region", "EU-DE");
        body.put("supportLevel", "PREMIUM");
        body.put("contactQuota", contactQuota);
        return body;
    }

    static Map<String, Object> contact(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Anna Berger");
        body.put("email", email);
        body.put("phone", "+4930123456789");
        body.put("language", "de");
        body.put("authorizedFrom", today().toString());
        return body;
    }

    static ExtractableResponse<Response> post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().extract();
    }

    static String openAccount(String systemId, int contactQuota) {
        ExtractableResponse<Response> opened = post(ADMIN, "/api/accounts", account(systemId, contactQuota));
        if (opened.statusCode() != 201) {
            throw new AssertionError("opening account " + systemId + ": " + opened.statusCode() + " "
                    + opened.body().asString());
        }
        return systemId;
    }

    static ExtractableResponse<Response> addContact(String token, String systemId, String email) {
        return post(token, "/api/accounts/" + systemId + "/contacts", contact(email));
    }
}
