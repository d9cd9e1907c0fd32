package io.supportplatform.sla;

import io.supportplatform.devstack.testing.KafkaTestResource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Ticket events of one ticket as ticket-service publishes them (deploy/contracts, NEW-TICKET-EVENTS):
 * structured CloudEvents on the topic named after the event, keyed by the ticket id, sequence counting up.
 */
final class TicketEventMessages {

    /** One event as sent: the topic and the CloudEvent, so it can be sent again unchanged. */
    record Message(String topic, String key, String value) {
    }

    private static KafkaProducer<String, String> producer;

    final UUID ticketId = UUID.randomUUID();
    final String systemId;
    private long sequence = 1;

    TicketEventMessages(String systemId) {
        this.systemId = systemId;
    }

    /**
     * A severity-2 ticket's life in the US-EAST region across every ticket topic, as ticket-service publishes it:
     * an internal note, answered, asked back, raised to 1 while waiting, called back by Tier 2, escalated. Its
     * clocks: first response met at t0+10min, next response running (paused 15 min), Tier-2 callback met.
     */
    List<Message> life(Instant t0) {
        return List.of(
                created(t0, 2, "US-EAST"),
                agentReplied(t0.plusSeconds(300), "INTERNAL"),
                agentReplied(t0.plusSeconds(600), "PUBLIC"),
                customerReplied(t0.plusSeconds(1200)),
                statusChanged(t0.plusSeconds(1500), "NEW", "WAITING_FOR_CUSTOMER"),
                severityChanged(t0.plusSeconds(1800), 2, 1),
                customerReplied(t0.plusSeconds(2400)),
                statusChanged(t0.plusSeconds(2400), "WAITING_FOR_CUSTOMER", "OPEN"),
                phoneContactLogged(t0.plusSeconds(2700), "TIER2", "OUTBOUND"),
                escalationRequested(t0.plusSeconds(3000), "ESCALATION", 1));
    }

    Message created(Instant at, int severity, String region) {
        return message("ticket-created", at, """
                "severity":%d,"subject":"Agents offline","status":"NEW","createdBy":"anna","createdAt":"%s"%s"""
                .formatted(severity, at, region == null ? "" : ",\"region\":\"" + region + "\""));
    }

    Message customerReplied(Instant at) {
        return message("customer-replied", at, """
                "replyId":"%s","author":"anna","body":"Still broken","postedAt":"%s\"""".formatted(UUID.randomUUID(), at));
    }

    Message agentReplied(Instant at, String visibility) {
        return message("agent-replied", at, """
                "replyId":"%s","author":"alex","visibility":"%s","body":"Looking into it","postedAt":"%s\""""
                .formatted(UUID.randomUUID(), visibility, at));
    }

    Message statusChanged(Instant at, String from, String to) {
        return message("ticket-status-changed", at, """
                "from":"%s","to":"%s","reason":null,"changedBy":"alex","changedAt":"%s\"""".formatted(from, to, at));
    }

    Message severityChanged(Instant at, int from, int to) {
        return message("ticket-severity-changed", at, """
                "from":%d,"to":%d,"reason":"Outage confirmed","changedBy":"alex","changedAt":"%s\""""
                .formatted(from, to, at));
    }

    Message phoneContactLogged(Instant calledAt, String tier, String direction) {
        return message("phone-contact-logged", calledAt.plusSeconds(120), """
                "phoneContactId":"%s","tier":"%s","direction":"%s","calledAt":"%s","contactName":"Anna",
                "summary":null,"loggedBy":"tom","loggedAt":"%s\""""
                .formatted(UUID.randomUUID(), tier, direction, calledAt, calledAt.plusSeconds(120)));
    }

    Message escalationRequested(Instant at, String kind, int severity) {
        return message("escalation-requested", at, """
                "kind":"%s","message":"Please hurry","severity":%d,"requestedBy":"anna","requestedAt":"%s\""""
                .formatted(kind, severity, at));
    }

    private Message message(String topic, Instant at, String fields) {
        String value = """
                {"specversion":"1.0","id":"%s","type":"io.supportplatform.%s.v1","source":"/ticket-service",
                 "time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"sequence":%d,"ticketId":"%s","ticketNumber":"TCK-2026-000777","systemId":"%s",%s}}
                """.formatted(UUID.randomUUID(), topic, at, ticketId, sequence++, ticketId, systemId, fields);
        return new Message(topic, ticketId.toString(), value);
    }

    static void send(Message... messages) throws Exception {
        for (Message message : messages) {
            send(message.topic(), message.key(), message.value());
        }
    }

    static synchronized void send(String topic, String key, String value) throws Exception {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(config);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }
}
