package io.supportplatform.ticket.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.ticket.ContactEvents;
import io.supportplatform.ticket.Filings;

/** Filing with the items of P5, under the default configuration of which items each severity demands. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class FilingValidationTest {

    static final String ANNA = TestTokens.customer("anna", "100001");

    /** P12.1: anna files and replies as an authorized contact of account 100001 (published as contact-service does). */
    @BeforeEach
    void annaIsAnAuthorizedContact() {
        ContactEvents.authorize("anna", "100001");
    }

    static ValidatableResponse file(Object body) {
        return given().auth().oauth2(ANNA).contentType(ContentType.JSON).body(body)
                .when().post("/api/tickets")
                .then();
    }

    @Test
    void everyP5ItemIsStoredAndReadBack() {
        String location = file(Filings.complete("100001", 3, "Agents cannot log in", "Every login fails."))
                .statusCode(201).extract().header("Location");

        given().auth().oauth2(ANNA).when().get(location).then().statusCode(200)
                .body("channel", equalTo("PORTAL"))
                .body("region", equalTo("EMEA"))
                .body("licenseCode", equalTo("100001-AB12-CD34"))
                .body("products[0].name", equalTo("Support Server"))
                .body("products[0].version", equalTo("7.2"))
                .body("products[0].patches", equalTo(List.of("7.2.1", "HF-7.2.1-03")))
                .body("platforms[0].name", equalTo("SUSE Linux Enterprise Server"))
                .body("platforms[0].version", equalTo("15 SP5"))
                .body("environment", startsWith("Two application servers"))
                .body("reproductionSteps", equalTo("Log in as any agent in the web client."))
                .body("affectedDevices[0].groupId", equalTo("G-17"))
                .body("affectedDevices[0].deviceId", equalTo("D-0042"))
                .body("errorMessages", equalTo(List.of("E-401: license check failed")))
                .body("desiredResult", equalTo("Agents can log in again."))
                .body("specialCircumstances", equalTo("Started after applying HF-7.2.1-03."));
    }

    @Test
    void severityOneNeedsOnlyTheBasicsSoAnOutageIsFiledAtOnce() {
        // the README's filing: system ID, severity, subject and description, nothing else
        file(Map.of("systemId", "100001", "severity", 1, "subject", "All agents offline",
                "description", "No agent reports since 08:00."))
                .statusCode(201)
                .body("channel", equalTo("API"))
                .body("products", hasSize(0));
    }

    @Test
    void missingAndMalformedItemsAreAllNamedInOneAnswer() {
        Map<String, Object> body = Filings.complete("100001", 3, "Agents cannot log in", "Every login fails.");
        // missing items severity 3 demands by default
        body.remove("platforms");
        body.remove("environment");
        body.put("reproductionSteps", "  ");
        body.remove("desiredResult");
        // malformed ones
        body.put("products", List.of(Map.of("name", "Support Server", "version", "")));
        body.put("affectedDevices", List.of(Map.of("groupId", "G-17")));
        body.put("region", "emea");
        body.put("licenseCode", "200002-AB12-CD34");

        file(body).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", containsInAnyOrder("platforms", "environment", "reproductionSteps",
                        "desiredResult", "products[0].version", "affectedDevices[0].deviceId", "region",
                        "licenseCode"))
                .body("violations.findAll { it.field in ['platforms', 'environment', 'reproductionSteps', "
                        + "'desiredResult'] }.rule", everyItem(equalTo("RequiredAtSeverity")))
                .body("violations.find { it.field == 'environment' }.message", containsString("severity 3"))
                .body("violations.find { it.field == 'licenseCode' }.rule", equalTo("LicenseMatchesSystemId"))
                .body("violations.find { it.field == 'region' }.rule", equalTo("Pattern"))
                .body("violations.find { it.field == 'products[0].version' }.rule", equalTo("NotBlank"));
    }

    @Test
    void demandedItemsFollowTheSeverity() {
        Map<String, Object> howTo = Map.of("systemId", "100001", "subject", "How do I export a report?",
                "description", "I cannot find the export.");

        // severity 4 demands the product and the desired result, nothing else
        Map<String, Object> low = new HashMap<>(howTo);
        low.put("severity", 4);
        file(low).statusCode(400)
                .body("violations.field", containsInAnyOrder("products", "desiredResult"));

        // severity 2 demands products, platforms and environment
        Map<String, Object> high = new HashMap<>(howTo);
        high.put("severity", 2);
        high.put("desiredResult", "A CSV file.");
        file(high).statusCode(400)
                .body("violations.field", containsInAnyOrder("products", "platforms", "environment"));

        Map<String, Object> completeLow = Filings.complete("100001", 4, "How do I export a report?", "Where?");
        for (String optional : List.of("platforms", "environment", "reproductionSteps", "affectedDevices",
                "errorMessages", "specialCircumstances", "region", "licenseCode", "channel")) {
            completeLow.remove(optional);
        }
        file(completeLow).statusCode(201);
    }

    @Test
    void licenseCodeMustStartWithTheSystemId() {
        Map<String, Object> mismatch = Filings.complete("100001", 2, "Login fails", "Nobody can log in.");
        mismatch.put("licenseCode", "100002-AB12-CD34");
        file(mismatch).statusCode(400)
                .contentType("application/problem+json")
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("licenseCode"))
                .body("violations[0].rule", equalTo("LicenseMatchesSystemId"))
                .body("violations[0].message", containsString("100001"));

        Map<String, Object> malformed = Filings.complete("100001", 2, "Login fails", "Nobody can log in.");
        malformed.put("licenseCode", "ABC");
        file(malformed).statusCode(400)
                .body("violations.field", equalTo(List.of("licenseCode")))
                .body("violations[0].rule", equalTo("Pattern"));
    }

    @Test
    void unknownChannelIsRejected() {
        Map<String, Object> body = Filings.complete("100001", 2, "Login fails", "Nobody can log in.");
        body.put("channel", "FAX");
        file(body).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("channel")));
    }
}
