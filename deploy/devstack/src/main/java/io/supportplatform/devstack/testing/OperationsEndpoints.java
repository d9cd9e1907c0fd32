package io.supportplatform.devstack.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The operations endpoints every service serves (readiness, OpenAPI with Swagger UI, Prometheus metrics), asserted
 * the same way everywhere. Each service keeps its own {@code @QuarkusTest} calling these against the application
 * under test (RestAssured's port, as Quarkus sets it), naming what differs: its store's health check, its API title.
 */
public final class OperationsEndpoints {

    private OperationsEndpoints() {
    }

    /** Ready, and readiness really checked the service's store (e.g. "MongoDB connection health check"). */
    public static void assertReadyCheckingStore(String storeCheck) {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == '" + storeCheck + "' }.status", equalTo("UP"));
    }

    /** The OpenAPI document (titled as the service's API) and the Swagger UI on it. */
    public static void assertServesOpenApiAndSwaggerUi(String apiTitle) {
        given().get("/q/openapi").then().statusCode(200).body(containsString(apiTitle));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    public static void assertServesPrometheusMetrics() {
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }
}
