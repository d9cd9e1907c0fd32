package io.supportplatform.devstack.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A MongoDB-wire server (mongo-java-server, memory backend), once per test JVM. */
public class MongoTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.mongodb.connection-string", connectionString());
    }

    @Override
    public void stop() {
        // Shared by the JVM; stopped on exit.
    }

    public static String connectionString() {
        return (String) JvmWide.call("mongoConnectionString");
    }
}
