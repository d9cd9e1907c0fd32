package io.supportplatform.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Publishes outbox rows to Kafka, at least once.
 * <p>
 * A round claims the oldest pending rows with {@code FOR UPDATE SKIP LOCKED} (so several instances
 * share the work), hands them all to the producer in their order without waiting for each acknowledgement
 * (one broker round trip per round, not one per row; the idempotent producer keeps each partition's order,
 * and a broker outage costs one producer timeout per round) and deletes, in the same transaction, only the
 * rows the broker acknowledged. A row that failed stays for a later round, so across a failure an aggregate's
 * events may arrive out of order: consumers order them by {@code data.sequence}. A crash between the ack and
 * the commit re-publishes those rows; consumers dedupe on the event id.
 * <p>
 * Rounds are started by a nudge right after a state change commits (low latency) and by a periodic
 * sweep (retries after a Kafka outage, rows left by a stopped instance). Within an instance rounds never
 * overlap: a nudge during a round just asks for one more round.
 * <p>
 * Records go to the {@code outbox} channel ({@code mp.messaging.outgoing.outbox.*}, configured by each service);
 * the topic comes from the row.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    /** Records of one round awaiting their acknowledgement at once (well inside the channel's in-flight limit). */
    private static final int IN_FLIGHT = 128;

    private final OutboxRepository outbox;
    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final Vertx vertx;
    private final int batchSize;
    private final Counter published;
    private final Counter failedAttempts;
    private final Timer publishLag;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    public OutboxRelay(OutboxRepository outbox, Pool pool, @Channel("outbox") MutinyEmitter<String> emitter,
            Vertx vertx, OutboxConfig config, MeterRegistry registry) {
        this.outbox = outbox;
        this.pool = pool;
        this.emitter = emitter;
        this.vertx = vertx;
        this.batchSize = config.batchSize();
        this.published = Counter.builder("outbox.published")
                .description("Outbox events acknowledged by Kafka")
                .register(registry);
        this.failedAttempts = Counter.builder("outbox.publish.failures")
                .description("Attempts to publish an outbox event that failed (the event stays pending)")
                .register(registry);
        this.publishLag = Timer.builder("outbox.publish.lag")
                .description("Time from writing an outbox event to Kafka acknowledging it")
                .register(registry);
    }

    /** Asks for a relay round soon. Never blocks and never fails; safe to call from any thread. */
    public void nudge() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            startRound();
        }
    }

    // Not before start-up has wired the Kafka channel, nor during shutdown.
    @Scheduled(identity = "outbox-sweep", every = "${outbox.sweep-every}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        nudge();
    }

    /**
     * Each round runs on a fresh duplicated Vert.x context, so a caller's context (e.g. the request that nudged)
     * is not shared. The round's two statements go through the reactive SQL client, not Hibernate: they are the
     * same every round, so they are prepared once per connection instead of being interpreted per round.
     */
    private void startRound() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        context.runOnContext(ignored -> {
            requested.set(false);
            // deferred: even a synchronous failure must end the round, or the relay would stay "running"
            Uni.createFrom().deferred(() -> pool.withTransaction(connection -> publishBatch(connection, context)))
                    .subscribe().with(this::roundDone, failure -> {
                        LOG.warnf(failure, "Outbox relay round failed; pending events stay for the next round");
                        roundDone(false);
                    });
        });
    }

    private void roundDone(boolean morePending) {
        if (morePending) {
            startRound();
            return;
        }
        running.set(false);
        // A nudge may have arrived after this round's claim: its rows must not wait for the sweep.
        if (requested.get() && running.compareAndSet(false, true)) {
            startRound();
        }
    }

    /** @return whether a full batch went out, i.e. more rows are probably pending */
    private Uni<Boolean> publishBatch(SqlConnection connection, Context context) {
        Executor onContext = task -> context.runOnContext(ignored -> task.run());
        return outbox.claimPending(connection, batchSize)
                .flatMap(claimed -> Multi.createFrom().iterable(claimed)
                        // subscribed in row order, so the records reach the producer in that order
                        .onItem().transformToUni(event -> send(event)
                                .emitOn(onContext) // the ack arrives on a Kafka thread; the round continues on its context
                                .replaceWith(Optional.of(event))
                                .onFailure().recoverWithItem(failure -> {
                                    failedAttempts.increment();
                                    LOG.debugf("Cannot publish outbox event %s now: %s", event.getId(), failure);
                                    return Optional.<OutboxEvent> empty();
                                }))
                        .merge(IN_FLIGHT)
                        .collect().asList()
                        .flatMap(results -> {
                            List<OutboxEvent> sent = results.stream().flatMap(Optional::stream).toList();
                            if (sent.size() < claimed.size()) {
                                LOG.warnf("Cannot publish %d outbox events now; they stay pending",
                                        claimed.size() - sent.size());
                            }
                            return outbox.deletePublished(connection, sent.stream().map(OutboxEvent::getId).toList())
                                    .map(deleted -> sent.size() == batchSize);
                        }));
    }

    private Uni<Void> send(OutboxEvent event) {
        Message<String> message = Message.of(event.getPayload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                        .withTopic(event.getTopic())
                        .withKey(event.getAggregateId())
                        .withHeaders(new RecordHeaders().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(UTF_8)))
                        .build());
        return emitter.sendMessage(message)
                // The producer gives up within its delivery timeout; this only guards the row locks (and the
                // relay, which runs one round at a time) against an ack that never comes.
                .ifNoItem().after(ACK_TIMEOUT).fail()
                .invoke(() -> {
                    published.increment();
                    publishLag.record(Duration.between(event.getCreatedAt(), Instant.now()));
                });
    }
}
