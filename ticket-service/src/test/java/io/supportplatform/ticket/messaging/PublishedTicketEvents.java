package io.supportplatform.ticket.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.supportplatform.devstack.testing.EventContract;
import io.supportplatform.devstack.testing.PublishedEvents;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;

/** A ticket's events as they reached the broker, checked as every test of a ticket's whole life checks them. */
final class PublishedTicketEvents {

    private PublishedTicketEvents() {
    }

    /**
     * Exactly {@code expected} records of the ticket on the contracts' topics, each valid against its contract
     * (deploy/contracts) with its topic's type, the ticket as subject and the CloudEvents content type, numbered
     * 1..expected in the ticket's one sequence without gaps or repeats.
     *
     * @return the events in sequence order
     */
    static List<JsonObject> awaitInSequence(Map<String, EventContract> contracts, String ticketId, int expected) {
        List<ConsumerRecord<String, String>> records = PublishedEvents.awaitAll(List.copyOf(contracts.keySet()),
                ticketId, expected, Duration.ofSeconds(60));
        assertEquals(expected, records.size(), "exactly one record per change");
        for (ConsumerRecord<String, String> record : records) {
            JsonObject event = new JsonObject(record.value());
            OutputUnit result = contracts.get(record.topic()).validate(event);
            assertTrue(result.getValid(), () -> record.topic() + " violates its contract: " + result.getErrors()
                    + "\n" + event.encodePrettily());
            assertEquals("io.supportplatform." + record.topic() + ".v1", event.getString("type"));
            assertEquals(ticketId, event.getString("subject"));
            assertEquals("application/cloudevents+json",
                    new String(record.headers().lastHeader("content-type").value(), UTF_8));
        }
        List<JsonObject> events = records.stream().map(record -> new JsonObject(record.value()))
                .sorted(Comparator.comparingLong(event -> event.getJsonObject("data").getLong("sequence")))
                .toList();
        assertEquals(LongStream.rangeClosed(1, expected).boxed().toList(),
                events.stream().map(event -> event.getJsonObject("data").getLong("sequence")).toList(),
                "sequence 1.." + expected + " without gaps or repeats");
        return events;
    }

    /** The events' names (their topics), e.g. {@code ticket-created}. */
    static List<String> names(List<JsonObject> events) {
        return events.stream().map(event -> event.getString("type").replace("io.supportplatform.", "")
                .replace(".v1", "")).toList();
    }

    static JsonObject data(List<JsonObject> eventsBySequence, int sequence) {
        return eventsBySequence.get(sequence - 1).getJsonObject("data");
    }
}
