package io.supportplatform.devstack.testing;

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

/**
 * Reads what really reached the test broker ({@link KafkaTestResource}), with a plain Kafka consumer in a
 * fresh group from the beginning of each topic, as any other service would. Fails with an AssertionError
 * naming what is missing.
 */
public final class PublishedEvents {

    private static final Duration POLL = Duration.ofMillis(200);

    private PublishedEvents() {
    }

    /** The first record on {@code topic} with the given key. */
    public static ConsumerRecord<String, String> awaitRecord(String topic, String key, Duration timeout) {
        return awaitRecords(topic, Set.of(key), timeout).get(key);
    }

    /** The first record for each of the given keys on {@code topic}. */
    public static Map<String, ConsumerRecord<String, String>> awaitRecords(String topic, Set<String> keys,
            Duration timeout) {
        Map<String, ConsumerRecord<String, String>> found = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer(List.of(topic))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < keys.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (keys.contains(record.key())) {
                        found.putIfAbsent(record.key(), record);
                    }
                }
            }
        }
        if (found.size() < keys.size()) {
            Set<String> missing = new HashSet<>(keys);
            missing.removeAll(found.keySet());
            throw new AssertionError("No record on topic " + topic + " within " + timeout + " for keys " + missing);
        }
        return found;
    }

    /** The first {@code count} records on {@code topic} with the given key, in arrival order. */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int count,
            Duration timeout) {
        return awaitAll(List.of(topic), key, count, timeout).subList(0, count);
    }

    /**
     * Every record with the given key on the given topics once {@code count} of them arrived, in arrival
     * order per topic; anything beyond them (e.g. a duplicate) shows up through a short extra poll.
     */
    public static List<ConsumerRecord<String, String>> awaitAll(List<String> topics, String key, int count,
            Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(topics)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                collect(consumer.poll(POLL), key, found);
            }
            collect(consumer.poll(Duration.ofMillis(500)), key, found);
        }
        if (found.size() < count) {
            throw new AssertionError("Only " + found.size() + " of " + count + " records with key " + key + " on "
                    + topics + " within " + timeout);
        }
        return found;
    }

    private static void collect(Iterable<ConsumerRecord<String, String>> records, String key,
            List<ConsumerRecord<String, String>> found) {
        for (ConsumerRecord<String, String> record : records) {
            if (key.equals(record.key())) {
                found.add(record);
            }
        }
    }

    private static KafkaConsumer<String, String> consumer(List<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "published-events-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        consumer.subscribe(topics);
        return consumer;
    }
}
