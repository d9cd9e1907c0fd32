package io.supportplatform.contact.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;

/** DEMO_DATA=true: the realm's demo customers as accounts and contacts, loaded once however often the app starts. */
@QuarkusTest
@TestProfile(DemoDataTest.WithDemoData.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(PostgresTestResource.class)
class DemoDataTest {

    public static class WithDemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("contact.demo-data.enabled", "true");
        }
    }

    static final String ADMIN = TestTokens.user("ada", "admin");

    @Inject
    DemoData demoData;

    @Test
    void theDemoCustomersAreThereWithTheirKeycloakUsers() {
        given().auth().oauth2(ADMIN).get("/api/accounts/100001").then().statusCode(200)
                .body("name", equalTo("Nordwind Logistik GmbH"))
                .body("region", equalTo("EU-DE"))
                .body("licenseCode", startsWith("100001"))
                .body("contactQuota", equalTo(3))
                .body("supportLevel", equalTo("STANDARD"));
        given().auth().oauth2(ADMIN).get("/api/accounts/100001/contacts").then().statusCode(200)
                .body("email", containsInAnyOrder("anna.berger@nordwind-logistik.example",
                        "jonas.keller@nordwind-logistik.example"))
                .body("keycloakUserId", containsInAnyOrder("6f1c2d3e-0000-4000-8000-000000000001",
                        "6f1c2d3e-0000-4000-8000-000000000002"))
                .body("status", containsInAnyOrder("ACTIVE", "ACTIVE"));
        given().auth().oauth2(ADMIN).get("/api/accounts/200002/contacts").then().statusCode(200)
                .body("name", containsInAnyOrder("Maria Lopez"))
                .body("keycloakUserId", containsInAnyOrder("6f1c2d3e-0000-4000-8000-000000000003"));
        // anna, as the realm issues her token, may file for her account (P12.1)
        given().auth().oauth2(ADMIN)
                .get("/api/accounts/100001/contacts/6f1c2d3e-0000-4000-8000-000000000001/authorization")
                .then().statusCode(200).body("authorized", equalTo(true));
        // through the services: audit entries and events like any other change
        given().auth().oauth2(ADMIN).get("/api/accounts/100001/audit").then().statusCode(200)
                .body("action", containsInAnyOrder("ACCOUNT_OPENED", "CONTACT_AUTHORIZED", "CONTACT_AUTHORIZED"))
                .body("actor", containsInAnyOrder("demo-data", "demo-data", "demo-data"));
    }

    @Test
    void loadingAgainChangesAndPublishesNothing() throws SQLException {
        long auditBefore = count("select count(*) from audit_entry");
        long sequenceBefore = count("select sum(last_event_sequence) from customer_account");
        long contactsBefore = count("select count(*) from authorized_contact");

        assertEquals(0, demoData.loadOnContext().await().atMost(Duration.ofSeconds(60)));

        assertEquals(auditBefore, count("select count(*) from audit_entry"));
        assertEquals(sequenceBefore, count("select sum(last_event_sequence) from customer_account"),
                "no event was written");
        assertEquals(contactsBefore, count("select count(*) from authorized_contact"));
        assertEquals(3, contactsBefore);
    }

    private static long count(String sql) throws SQLException {
        var config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
