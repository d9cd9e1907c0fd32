package io.supportplatform.contact.messaging;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.supportplatform.devstack.testing.KafkaTestResource;

/** Reads what really reached the broker, with a plain Kafka consumer as any other service would. */
final class PublishedEvents {

    private PublishedEvents() {
    }

    /** The first {@code count} records on {@code topic} with the given key, read from the beginning. */
    static List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int count, Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "contact-service-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        if (found.size() < count) {
            fail("Only " + found.size() + " of " + count + " records on topic " + topic + " with key " + key
                    + " within " + timeout);
        }
        return found.subList(0, count);
    }

    static ConsumerRecord<String, String> awaitRecord(String topic, String key, Duration timeout) {
        return awaitRecords(topic, key, 1, timeout).get(0);
    }
}
