package io.supportplatform.devstack.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Kafka 4.4 broker (own JVM, KRaft), once per test JVM. Tests of at-least-once delivery can take it down
 * and bring it back on the same port with {@link #stopBroker()} / {@link #startBroker()}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every test application in this JVM; stopped on JVM exit.
    }

    /** host:port of the broker, starting it if needed. */
    public static String bootstrapServers() {
        return (String) JvmWide.call("kafkaBootstrapServers");
    }

    /** Stops the broker gracefully; clients see it gone until {@link #startBroker()}. */
    public static void stopBroker() {
        JvmWide.call("stopKafka");
    }

    /** Restarts the broker on the same port with its data, returning once it serves requests again. */
    public static void startBroker() {
        JvmWide.call("startKafka");
    }
}
