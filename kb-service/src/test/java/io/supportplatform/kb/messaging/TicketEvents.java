package io.supportplatform.kb.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.supportplatform.devstack.testing.KafkaTestResource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Publishes ticket-service events to the test broker as ticket-service does (structured CloudEvents). */
final class TicketEvents {

    private TicketEvents() {
    }

    static JsonObject envelope(String name, String ticketId, JsonObject data) {
        return new JsonObject()
                .put("specversion", "1.0")
                .put("id", UUID.randomUUID().toString())
                .put("type", "io.supportplatform." + name + ".v1")
                .put("source", "/ticket-service")
                .put("time", Instant.now().toString())
                .put("subject", ticketId)
                .put("datacontenttype", "application/json")
                .put("data", data);
    }

    /** ticket-created with the optional suggestedArticleIds (null: without the field). */
    static JsonObject ticketCreated(String ticketId, List<String> suggestedArticleIds) {
        JsonObject data = new JsonObject()
                .put("sequence", 1)
                .put("ticketId", ticketId)
                .put("ticketNumber", "TCK-2026-000042")
                .put("systemId", "100001")
                .put("severity", 3)
                .put("subject", "Patch deployment fails")
                .put("status", "NEW")
                .put("createdBy", "anna")
                .put("createdAt", "2026-11-28T09:00:00Z");
        if (suggestedArticleIds != null) {
            data.put("suggestedArticleIds", new JsonArray(suggestedArticleIds));
        }
        return envelope("ticket-created", ticketId, data);
    }

    /** ticket-resolved as in the agreed contract (NEW-TICKET-EVENTS.md). */
    static JsonObject ticketResolved(String ticketId, long sequence, String subject, String resolution,
            List<String> linkedArticleIds, Instant resolvedAt) {
        return envelope("ticket-resolved", ticketId, new JsonObject()
                .put("sequence", sequence)
                .put("ticketId", ticketId)
                .put("ticketNumber", "TCK-2026-000123")
                .put("systemId", "100001")
                .put("severity", 2)
                .put("subject", subject)
                .put("products", new JsonArray().add(new JsonObject().put("name", "Endpoint Manager").put("version", "12.0"))
                        .add(new JsonObject().put("name", "Endpoint Manager").put("version", "12.1")))
                .put("platforms", new JsonArray().add(new JsonObject().put("name", "windows").put("version", "11")))
                .put("resolution", resolution)
                .put("linkedArticleIds", new JsonArray(linkedArticleIds))
                .put("resolvedBy", "alex")
                .put("resolvedAt", resolvedAt.toString()));
    }

    static void publish(String topic, String key, String value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("content-type", "application/cloudevents+json".getBytes(UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }
}
