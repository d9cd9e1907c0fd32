package io.supportplatform.ticket.messaging;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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

    /** The first record on {@code topic} with the given key, read from the beginning of the topic. */
    static ConsumerRecord<String, String> awaitRecord(String topic, String key, Duration timeout) {
        return awaitRecords(topic, Set.of(key), timeout).get(key);
    }

    /** The first record for each of the given keys on {@code topic}, read from the beginning of the topic. */
    static Map<String, ConsumerRecord<String, String>> awaitRecords(String topic, Set<String> keys,
            Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "ticket-service-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, ConsumerRecord<String, String>> found = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < keys.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(record.key())) {
                        found.putIfAbsent(record.key(), record);
                    }
                }
            }
        }
        if (found.size() < keys.size()) {
            Set<String> missing = new HashSet<>(keys);
            missing.removeAll(found.keySet());
            fail("No record on topic " + topic + " within " + timeout + " for keys " + missing);
        }
        return found;
    }

    /**
     * Every record with the given key on the given topics, once {@code count} of them arrived (read from
     * the beginning of each topic), in arrival order per topic.
     */
    static List<ConsumerRecord<String, String>> awaitAll(List<String> topics, String key, int count,
            Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "ticket-service-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
            // anything beyond the expected events (e.g. a duplicate) shows up in a short extra poll
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (key.equals(record.key())) {
                    found.add(record);
                }
            }
        }
        if (found.size() < count) {
            fail("Only " + found.size() + " of " + count + " records with key " + key + " on " + topics
                    + " within " + timeout);
        }
        return found;
    }
}
