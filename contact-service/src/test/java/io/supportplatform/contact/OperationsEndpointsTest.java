package io.supportplatform.contact;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;

/** The operations endpoints every service serves, with readiness checking the real store. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(PostgresTestResource.class)
class OperationsEndpointsTest {

    @Test
    void readinessIsUpIncludingTheStore() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Reactive PostgreSQL connections health check' }.status", equalTo("UP"));
    }

    @Test
    void servesOpenApiAndSwaggerUi() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("Contact service"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void servesPrometheusMetrics() {
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }
}
