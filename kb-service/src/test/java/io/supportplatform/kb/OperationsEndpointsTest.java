package io.supportplatform.kb;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportplatform.devstack.testing.MongoTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.OperationsEndpoints;

/** The operations endpoints every service serves, with readiness checking the real store. */
@QuarkusTest
@WithTestResource(OidcTestResource.class)
@WithTestResource(MongoTestResource.class)
class OperationsEndpointsTest {

    @Test
    void readinessIsUpIncludingTheStore() {
        OperationsEndpoints.assertReadyCheckingStore("MongoDB connection health check");
    }

    @Test
    void servesOpenApiAndSwaggerUi() {
        OperationsEndpoints.assertServesOpenApiAndSwaggerUi("Knowledge-base service");
    }

    @Test
    void servesPrometheusMetrics() {
        OperationsEndpoints.assertServesPrometheusMetrics();
    }
}
