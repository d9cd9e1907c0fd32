package io.supportplatform.sla;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost on a deployment's first start: ticket-service may file tickets before sla-service has ever
 * joined its consumer group. Those events are on Kafka already and must still start their clocks (P8). The
 * profile gives the service a consumer group that has never committed an offset, as on a first start, and
 * the ticket is published before the service starts.
 */
@QuarkusTest
@TestProfile(EventsBeforeFirstStartTest.FirstStartOfTheGroup.class)
class EventsBeforeFirstStartTest {

    public static class FirstStartOfTheGroup implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.ticket-events-in.group.id", "sla-service-first-start-" + UUID.randomUUID());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaTestResource.class), new TestResourceEntry(PostgresTestResource.class),
                    new TestResourceEntry(OidcTestResource.class), new TestResourceEntry(TicketFiledBeforeStart.class));
        }
    }

    /** Publishes one ticket-created before the application starts, and names its ticket to the test. */
    public static class TicketFiledBeforeStart implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            TicketEventMessages ticket = new TicketEventMessages("100001");
            try {
                TicketEventMessages.send(ticket.created(Instant.now(), 3, null));
            } catch (Exception e) {
                throw new IllegalStateException("could not publish the ticket filed before start", e);
            }
            return Map.of("test.ticket-filed-before-start", ticket.ticketId.toString());
        }

        @Override
        public void stop() {
        }
    }

    @ConfigProperty(name = "test.ticket-filed-before-start")
    String ticketId;

    @Test
    void aTicketFiledBeforeTheServiceEverRanGetsItsFirstResponseClock() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(TestTokens.agent("alex"))
                        .get("/api/sla/tickets/{id}/clocks", ticketId).statusCode() == 200);
        given().auth().oauth2(TestTokens.agent("alex")).get("/api/sla/tickets/{id}/clocks", ticketId)
                .then().statusCode(200).body("type", hasItem("FIRST_RESPONSE"));
    }
}
