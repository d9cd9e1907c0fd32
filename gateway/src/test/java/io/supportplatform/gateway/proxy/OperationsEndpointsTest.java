package io.supportplatform.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportplatform.devstack.testing.OidcTestResource;

/** Health, OpenAPI and metrics stay outside /api and need no token. */
@QuarkusTest
@WithTestResource(OidcTestResource.class)
@WithTestResource(EchoUpstreams.class)
class OperationsEndpointsTest {

    @Test
    void servesReadinessOpenApiAndMetricsWithoutToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("Support platform gateway"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void tagsProxiedRequestMetricsByApiAreaNotByRawPath() {
        given().get("/api/tickets/T-9081").then().statusCode(401);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("uri=\"/api/tickets/**\""))
                .body(not(containsString("T-9081")));
    }
}
