package io.supportplatform.notification;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.OperationsEndpoints;
import io.supportplatform.devstack.testing.PostgresTestResource;

/** The operations endpoints every service serves, with readiness checking the real store. */
@QuarkusTest
@WithTestResource(OidcTestResource.class)
@WithTestResource(PostgresTestResource.class)
class OperationsEndpointsTest {

    @Test
    void readinessIsUpIncludingTheStore() {
        OperationsEndpoints.assertReadyCheckingStore("Reactive PostgreSQL connections health check");
    }

    @Test
    void servesOpenApiAndSwaggerUi() {
        OperationsEndpoints.assertServesOpenApiAndSwaggerUi("Notification service");
    }

    @Test
    void servesPrometheusMetrics() {
        OperationsEndpoints.assertServesPrometheusMetrics();
    }
}
