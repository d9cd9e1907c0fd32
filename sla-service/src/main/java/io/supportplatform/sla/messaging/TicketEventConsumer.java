package io.supportplatform.sla.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.supportplatform.cloudevents.MalformedEventException;
import io.supportplatform.sla.domain.ReceivedEvent;
import io.supportplatform.sla.domain.TicketEventType;
import io.supportplatform.sla.service.ClockService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes the ticket events the clocks derive from: one channel over all their topics, a batch of records (one
 * poll) at a time. Each event is stored once (deduped on the CloudEvent id) and its ticket's clocks recomputed
 * from all its events, so the topics may be read in any relative order; a batch is one transaction
 * ({@link ClockService#record}), acknowledged after its commit (at least once: a redelivered batch changes nothing).
 * <p>
 * Nothing lost (P8, P13): only a bad event is dead-lettered (the channel's failure strategy sends a nacked record
 * to the dead-letter topic with the error), a malformed one at once, one the database refuses when stored on its
 * own ({@link StoreFailures}) after its batch failed. While the database is unavailable the batch is retried
 * with a backoff capped at {@link #MAX_BACKOFF}, for as long as it takes, and not acknowledged meanwhile: no
 * offset is committed past it, the connector pauses fetching once its queue is full (the consumer keeps polling,
 * so it stays in its group), and consumption resumes at this batch once the database is back.
 */
@ApplicationScoped
public class TicketEventConsumer {

    private static final Logger LOG = Logger.getLogger(TicketEventConsumer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final TicketEventParser parser;
    private final ClockService clocks;

    public TicketEventConsumer(TicketEventParser parser, ClockService clocks) {
        this.parser = parser;
        this.clocks = clocks;
    }

    @Incoming("ticket-events-in")
    public Uni<Void> onTicketEvents(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> readable = new ArrayList<>();
        List<ReceivedEvent> received = new ArrayList<>();
        List<Uni<Void>> deadLettered = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                received.add(read(record));
                readable.add(record);
            } catch (MalformedEventException e) {
                LOG.warn(e.getMessage() + "; dead-lettered");
                deadLettered.add(Uni.createFrom().completionStage(() -> record.nack(e)));
            }
        }
        return join(deadLettered)
                .flatMap(done -> received.isEmpty() ? Uni.createFrom().voidItem()
                        : whileUnavailable(() -> clocks.record(received),
                                "a batch of " + received.size() + " ticket events")
                                .onFailure(StoreFailures::refusesTheEvents)
                                .recoverWithUni(refused -> oneByOne(readable, received, refused)))
                .flatMap(stored -> Uni.createFrom().completionStage(batch::ack));
    }

    private ReceivedEvent read(KafkaRecord<String, String> record) {
        TicketEventType type = TicketEventType.ofTopic(record.getTopic()).orElseThrow(() ->
                new MalformedEventException(List.of("not a ticket event topic: " + record.getTopic())));
        return new ReceivedEvent(parser.parse(type, record.getPayload()), record.getPayload());
    }

    /**
     * The database refused the batch's data: each event on its own, so only one it refuses again is dead-lettered
     * and spoils no other.
     */
    private Uni<Void> oneByOne(List<KafkaRecord<String, String>> records, List<ReceivedEvent> received,
            Throwable refused) {
        LOG.warnf(refused, "The database refused a batch of %d ticket events; storing them one by one",
                received.size());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < records.size(); i++) {
            KafkaRecord<String, String> record = records.get(i);
            ReceivedEvent event = received.get(i);
            chain = chain.flatMap(previous -> whileUnavailable(() -> clocks.record(List.of(event)),
                    "ticket event " + event.event().id())
                    .onFailure(StoreFailures::refusesTheEvents).recoverWithUni(e -> {
                        LOG.warnf(e, "The database refused ticket event %s; dead-lettered", event.event().id());
                        return Uni.createFrom().completionStage(() -> record.nack(e));
                    }));
        }
        return chain;
    }

    /**
     * Stores, retrying every failure but the database refusing the events, with a backoff from
     * {@link #FIRST_BACKOFF} to {@link #MAX_BACKOFF}, indefinitely: an outage of PostgreSQL delays clocks but
     * loses none.
     */
    private static Uni<Void> whileUnavailable(Supplier<Uni<? extends Void>> store, String what) {
        return Uni.createFrom().<Void>deferred(store)
                .onFailure(e -> !StoreFailures.refusesTheEvents(e))
                .invoke(e -> LOG.warnf("Could not store %s, retrying until the database is available: %s", what, e))
                .onFailure(e -> !StoreFailures.refusesTheEvents(e))
                .retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).indefinitely();
    }

    private static Uni<Void> join(List<Uni<Void>> all) {
        return all.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(all).andFailFast().replaceWithVoid();
    }
}
