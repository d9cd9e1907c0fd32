package io.supportplatform.contact.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.OutboxRows;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.PublishedEvents;

/**
 * Several instances share one outbox: rows another instance has claimed are skipped, not waited for, and they
 * still go out once that instance lets go of them.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(PostgresTestResource.class)
class OutboxRelayConcurrencyTest {

    static final String TOPIC = "contact-outbox-relay-test";

    @Test
    void rowsClaimedByAnotherInstanceAreSkippedAndPublishedLater() throws Exception {
        String heldKey = String.valueOf(AccountEventsTest.NEXT_SYSTEM_ID.incrementAndGet()); // an account without row
        try (Connection otherInstance = OutboxRows.holdNewRow(TOPIC, heldKey)) {
            // An account opened now is published although an older row is locked by the "other instance".
            String systemId = AccountEventsTest.openAccount();
            PublishedEvents.awaitRecord(CustomerAccountChanged.TOPIC, systemId, Duration.ofSeconds(30));
            assertEquals(1, OutboxRows.pending(heldKey), "the held row stays with its holder");

            otherInstance.rollback(); // the other instance gives up (e.g. it crashed)
        }

        // The next sweep takes the row over.
        PublishedEvents.awaitRecord(TOPIC, heldKey, Duration.ofSeconds(30));
    }
}
