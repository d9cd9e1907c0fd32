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
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes the ticket events the clocks derive from: one channel over all their topics, a batch of records (one
 * poll) at a time. Each event is stored once (deduped on the CloudEvent id) and its ticket's clocks recomputed
 * from all its events, so the topics may be read in any relative order; a batch is one transaction
 * ({@link ClockService#record}), acknowledged after its commit (at least once: a redelivered batch changes nothing).
 * <p>
 * A record that fails is nacked on its own and, by the channel's failure strategy, goes to the dead-letter topic
 * with the error, while the rest of its batch is stored: a malformed one at once; when the batch fails in the
 * database after a few retries (so a short outage dead-letters nothing), its records are tried one by one and only
 * those that still fail are dead-lettered.
 */
@ApplicationScoped
public class TicketEventConsumer {

    private static final Logger LOG = Logger.getLogger(TicketEventConsumer.class);

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
                        : Uni.createFrom().deferred(() -> clocks.record(received))
                                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10)).atMost(4)
                                .onFailure().recoverWithUni(e -> oneByOne(readable, received, e)))
                .flatMap(stored -> Uni.createFrom().completionStage(batch::ack));
    }

    private ReceivedEvent read(KafkaRecord<String, String> record) {
        TicketEventType type = TicketEventType.ofTopic(record.getTopic()).orElseThrow(() ->
                new MalformedEventException(List.of("not a ticket event topic: " + record.getTopic())));
        return new ReceivedEvent(parser.parse(type, record.getPayload()), record.getPayload());
    }

    /** The batch failed even after retries: each event on its own, so one that cannot be stored spoils no other. */
    private Uni<Void> oneByOne(List<KafkaRecord<String, String>> records, List<ReceivedEvent> received,
            Throwable batchFailure) {
        LOG.warnf(batchFailure, "A batch of %d ticket events failed; storing them one by one", received.size());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < records.size(); i++) {
            KafkaRecord<String, String> record = records.get(i);
            ReceivedEvent event = received.get(i);
            chain = chain.flatMap(previous -> clocks.record(List.of(event))
                    .onFailure().recoverWithUni(e -> {
                        LOG.warnf(e, "Event %s not stored; dead-lettered", event.event().id());
                        return Uni.createFrom().completionStage(() -> record.nack(e));
                    }));
        }
        return chain;
    }

    private static Uni<Void> join(List<Uni<Void>> all) {
        return all.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(all).andFailFast().replaceWithVoid();
    }
}
