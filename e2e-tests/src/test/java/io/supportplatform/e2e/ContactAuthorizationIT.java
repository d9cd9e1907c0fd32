package io.supportplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.supportplatform.devstack.DevStack;

/**
 * P12.1 across services (issue 5's last "Done when"): a contact an administrator names in contact-service may
 * file in ticket-service within seconds, and is refused within seconds of being revoked. Real Keycloak, all
 * services as processes ({@link SharedPlatform}), only through the gateway.
 */
@ExtendWith(SharedPlatform.class)
class ContactAuthorizationIT {

    /** "Within seconds": generous for a loaded 2-core machine, far below anything a person would notice. */
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);

    private static DevStack platform;

    @BeforeAll
    static void connect(DevStack shared) {
        platform = shared;
        RestAssured.baseURI = platform.gatewayUrl();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aContactNamedInContactServiceFilesWithinSecondsAndIsRefusedWithinSecondsOfTheRevocation() {
        // an account of its own, so demo data (DEMO_DATA=true) cannot interfere
        String systemId = String.valueOf(ThreadLocalRandom.current().nextInt(700_000, 800_000));
        String username = "carla" + systemId;
        String userId = Contacts.Tokens.createCustomer(platform, username, systemId);
        String carla = Contacts.Tokens.password(platform, username);
        String admin = Contacts.Tokens.password(platform, "admin");

        Contacts.openAccount(admin, systemId, "Carla's Werkstatt GmbH");
        // not (yet) a contact: refused, whatever her token's account claim says
        file(carla, systemId).statusCode(403).contentType("application/problem+json");

        long named = System.nanoTime();
        String contactId = Contacts.authorize(admin, systemId, "Carla Tester", username + "@example.com", userId,
                equalTo(201));
        Duration toAllowed = Contacts.awaitFilingAuthorization(carla, true, WITHIN_SECONDS);
        file(carla, systemId).statusCode(201).body("createdBy", equalTo(username));
        System.out.printf("contact named -> filing allowed after %d ms (%d ms polling)%n",
                Duration.ofNanos(System.nanoTime() - named).toMillis(), toAllowed.toMillis());

        long revoked = System.nanoTime();
        given().auth().oauth2(admin).delete("/api/accounts/{systemId}/contacts/{contactId}", systemId, contactId)
                .then().statusCode(204);
        Contacts.awaitFilingAuthorization(carla, false, WITHIN_SECONDS);
        file(carla, systemId).statusCode(403).contentType("application/problem+json")
                .body("title", equalTo("Authorization ended"))
                .body("detail", containsString(systemId));
        System.out.printf("contact revoked -> filing refused after %d ms%n",
                Duration.ofNanos(System.nanoTime() - revoked).toMillis());

        // support still files on the customer's behalf (P12.1 binds the customer's side only)
        file(Contacts.Tokens.password(platform, "agent"), systemId).statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse file(String token, String systemId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("systemId", systemId, "severity", 1, "subject", "All agents offline",
                        "description", "Since 08:00 no agent reports to the server (P8.1)."))
                .post("/api/tickets")
                .then();
    }
}
