package io.supportplatform.ticket.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.ticket.Filings;

/** Which P5 items a severity demands is configuration ({@code ticket.filing.required.<level>}). */
@QuarkusTest
@TestProfile(FilingConfigurationTest.StricterFiling.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class FilingConfigurationTest {

    /** An operator who wants error messages and devices even for outages, and a region for how-to questions. */
    public static class StricterFiling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ticket.filing.required.1", "ERROR_MESSAGES,AFFECTED_DEVICES",
                    "ticket.filing.required.4", "REGION");
        }
    }

    static ValidatableResponse file(Object body) {
        return given().auth().oauth2(TestTokens.agent("alex")).contentType(ContentType.JSON).body(body)
                .when().post("/api/tickets")
                .then();
    }

    @Test
    void configuredItemsAreDemandedAtTheirSeverity() {
        file(Map.of("systemId", "100001", "severity", 1, "subject", "All agents offline",
                "description", "No agent reports since 08:00."))
                .statusCode(400)
                .body("violations.field", containsInAnyOrder("errorMessages", "affectedDevices"))
                .body("violations.rule", everyItem(equalTo("RequiredAtSeverity")));

        // severity 4 now demands the region only: products and desired result are no longer required
        file(Map.of("systemId", "100001", "severity", 4, "subject", "How do I export?", "description", "Where?"))
                .statusCode(400)
                .body("violations.field", equalTo(List.of("region")));
        file(Map.of("systemId", "100001", "severity", 4, "subject", "How do I export?", "description", "Where?",
                "region", "APAC"))
                .statusCode(201);

        file(Filings.complete("100001", 1, "All agents offline", "No agent reports since 08:00."))
                .statusCode(201);
    }
}
