package io.supportplatform.sla.alarms;

import io.supportplatform.devstack.testing.KafkaTestResource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes ticket events to the test broker as ticket-service does (deploy/contracts). */
final class TicketEventsToKafka implements AutoCloseable {

    static final String ACCOUNT = "100001";

    private final KafkaProducer<String, String> producer;

    TicketEventsToKafka() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config);
    }

    void send(String topic, UUID ticketId, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, ticketId.toString(), value);
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    /** A ticket-created v1 CloudEvent. */
    static String ticketCreated(UUID eventId, UUID ticketId, int severity, Instant createdAt) {
        return """
                {"specversion":"1.0","id":"%s","type":"io.supportplatform.ticket-created.v1",
                 "source":"/ticket-service","time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"sequence":1,"ticketId":"%s","ticketNumber":"TCK-2026-000042","systemId":"%s",
                         "severity":%d,"subject":"Agents offline","status":"NEW","createdBy":"anna",
                         "createdAt":"%s"}}
                """.formatted(eventId, createdAt, ticketId, ticketId, ACCOUNT, severity, createdAt);
    }

    /** An agent-replied v1 CloudEvent: a public reply meets the running response clock. */
    static String agentReplied(UUID ticketId, Instant postedAt) {
        return """
                {"specversion":"1.0","id":"%s","type":"io.supportplatform.agent-replied.v1",
                 "source":"/ticket-service","time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"sequence":2,"ticketId":"%s","ticketNumber":"TCK-2026-000042","systemId":"%s",
                         "replyId":"%s","author":"alex","visibility":"PUBLIC","body":"Looking into it",
                         "postedAt":"%s"}}
                """.formatted(UUID.randomUUID(), postedAt, ticketId, ticketId, ACCOUNT, UUID.randomUUID(), postedAt);
    }

    /** An escalation-requested v1 CloudEvent (P13.3). */
    static String escalationRequested(UUID eventId, UUID ticketId, String kind, int severity, Instant requestedAt) {
        return """
                {"specversion":"1.0","id":"%s","type":"io.supportplatform.escalation-requested.v1",
                 "source":"/ticket-service","time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"sequence":3,"ticketId":"%s","ticketNumber":"TCK-2026-000042","systemId":"%s",
                         "kind":"%s","message":"Please hurry","severity":%d,"requestedBy":"anna",
                         "requestedAt":"%s"}}
                """.formatted(eventId, requestedAt, ticketId, ticketId, ACCOUNT, kind, severity, requestedAt);
    }

    void ticketCreated(UUID ticketId, int severity, Instant createdAt) {
        send("ticket-created", ticketId, ticketCreated(UUID.randomUUID(), ticketId, severity, createdAt));
    }

    @Override
    public void close() {
        producer.close();
    }
}
