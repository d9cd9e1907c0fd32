package io.supportplatform.ticket.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;

/** Health, metrics and API docs that operators and other teams rely on. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class OperationsEndpointsTest {

    @Test
    void readinessChecksTheDatabaseButNotKafka() {
        // Filing works while Kafka is down (outbox), so the broker must not take the service out of rotation.
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check"))
                .body("checks.name", not(hasItems("Kafka connection health check")));
    }

    @Test
    void openApiDescribesTheTicketEndpoints() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/tickets"))
                .body("paths", hasKey("/api/tickets/{id}"));
    }

    @Test
    void prometheusMetricsIncludeTheOutboxRelay() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("outbox_published_total"));
    }
}
