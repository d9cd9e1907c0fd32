package io.supportplatform.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void roundTripSurvivesARestartOnTheSamePortAndStopLeavesNothingBehind() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dir, 0, 0)) {
            long firstPid = broker.pid();
            produce(broker.bootstrapServers(), "devstack-check", "k1", "before restart");
            assertEquals(List.of("before restart"), consume(broker.bootstrapServers(), "devstack-check", 1));

            broker.stop();
            assertFalse(ProcessHandle.of(firstPid).isPresent(), "broker process gone after stop");
            assertFalse(Ports.inUse(broker.port()), "broker port released after stop");

            broker.start();
            produce(broker.bootstrapServers(), "devstack-check", "k2", "after restart");
            assertEquals(List.of("before restart", "after restart"),
                    consume(broker.bootstrapServers(), "devstack-check", 2));
        }
    }

    @Test
    void closeStopsTheBrokerProcessAndFreesItsPorts() {
        KafkaBroker broker = KafkaBroker.start(dir, 0, 0);
        long pid = broker.pid();
        assertTrue(Ports.inUse(broker.port()));
        broker.close();
        assertFalse(ProcessHandle.of(pid).isPresent());
        assertFalse(Ports.inUse(broker.port()));
    }

    private static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, key, value)).get();
        }
    }

    private static List<String> consume(String bootstrap, String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "check-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
