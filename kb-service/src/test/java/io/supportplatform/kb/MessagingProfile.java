package io.supportplatform.kb;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.MongoTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;

/**
 * The service with the real broker and a database of its own on the shared MongoDB-wire server, for the tests
 * of events in and out (they read the store directly and must not see other test classes' articles).
 */
public class MessagingProfile implements QuarkusTestProfile {

    public static final String DATABASE = "kb-messaging-test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.mongodb.database", DATABASE);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaTestResource.class), new TestResourceEntry(MongoTestResource.class),
                new TestResourceEntry(OidcTestResource.class));
    }
}
