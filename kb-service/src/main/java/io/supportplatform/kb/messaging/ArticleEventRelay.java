package io.supportplatform.kb.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.supportplatform.kb.config.ArticleEventsConfig;
import io.supportplatform.kb.mapping.ArticleDocuments;
import io.supportplatform.kb.mapping.ArticleEventEnvelopes;
import io.supportplatform.kb.repository.ArticleRepository;

/**
 * Publishes the events waiting in the articles' {@code outbox} arrays to Kafka: at least once, and lossless.
 * <ul>
 * <li><b>Lossless</b>: an event is stored in the same single-document write as the change it announces
 * ({@link ArticleRepository#replace}), so no change is stored without its event, and an event leaves the
 * outbox only after the broker acknowledged it ({@code acks=all}). Until then every round tries it again.</li>
 * <li><b>At least once</b>: a crash (or a second instance's relay working on the same article) between the
 * broker's ack and the removal publishes the event again, with the same id; consumers dedupe on the id or, like
 * our index sync, apply an article's state only when its sequence is newer.</li>
 * <li><b>Order</b>: one article's events are sent one after the other in write order, and a round stops at the
 * first failure, so a later event of an article never overtakes an earlier one.</li>
 * </ul>
 * Rounds start on a nudge right after a write (low latency) and on a periodic sweep: every second while
 * publishing fails, otherwise only now and then (the sweep's look for pending events scans all articles, and
 * then only finds what a stopped instance left). Rounds never overlap within an instance (a nudge during a
 * round asks for one more round). Records go to channel
 * {@code kb-article-events} with topic, key (the article id) and the CloudEvents content type per record.
 */
@ApplicationScoped
public class ArticleEventRelay {

    private static final Logger LOG = Logger.getLogger(ArticleEventRelay.class);
    /** The producer gives up within its delivery timeout; this guards the relay against an ack that never comes. */
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final ArticleRepository repository;
    private final MutinyEmitter<String> emitter;
    private final int batchSize;
    private final long idleSweepNanos;
    private volatile long lastRound = System.nanoTime();
    private final Counter published;
    private final Counter failedRounds;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    /** Whether the last round failed: then the sweep retries every second, and the outage is logged once. */
    private final AtomicBoolean failing = new AtomicBoolean();

    public ArticleEventRelay(ArticleRepository repository, @Channel("kb-article-events") MutinyEmitter<String> emitter,
            ArticleEventsConfig config, MeterRegistry registry) {
        this.repository = repository;
        this.emitter = emitter;
        this.batchSize = config.batchSize();
        this.idleSweepNanos = config.idleSweepEvery().toNanos();
        this.published = Counter.builder("kb.article.events.published")
                .description("Article events acknowledged by Kafka")
                .register(registry);
        this.failedRounds = Counter.builder("kb.article.events.publish.failures")
                .description("Relay rounds that stopped at an event Kafka did not take (it stays pending)")
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
    @Scheduled(identity = "kb-article-events-sweep", every = "${kb.events.sweep-every:1s}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        if (failing.get() || System.nanoTime() - lastRound >= idleSweepNanos) {
            nudge();
        }
    }

    private void startRound() {
        requested.set(false);
        lastRound = System.nanoTime();
        // deferred: even a synchronous failure must end the round, or the relay would stay "running"
        Uni.createFrom().deferred(this::publishBatch)
                .subscribe().with(this::roundDone, failure -> {
                    failedRounds.increment();
                    if (failing.compareAndSet(false, true)) {
                        LOG.warnf("Cannot publish article events now (%s); they stay pending", failure.toString());
                    }
                    roundDone(false);
                });
    }

    private void roundDone(boolean morePending) {
        if (morePending) {
            startRound();
            return;
        }
        running.set(false);
        // A nudge may have arrived after this round read the outboxes: its event must not wait for the sweep.
        if (requested.get() && running.compareAndSet(false, true)) {
            startRound();
        }
    }

    /** @return whether a full batch of articles was served, i.e. more are probably pending */
    private Uni<Boolean> publishBatch() {
        return repository.withPendingEvents(batchSize)
                .onItem().transformToUniAndConcatenate(this::publishOutbox)
                .collect().with(Collectors.counting())
                .invoke(() -> {
                    if (failing.compareAndSet(true, false)) {
                        LOG.info("Publishing article events again");
                    }
                })
                .map(articles -> articles == batchSize);
    }

    private Uni<Void> publishOutbox(Document article) {
        String articleId = article.getString(ArticleDocuments.ID);
        List<Document> pending = article.getList(ArticleEventEnvelopes.OUTBOX, Document.class, List.of());
        return Multi.createFrom().iterable(pending)
                .onItem().transformToUniAndConcatenate(event -> send(articleId, event)
                        .chain(() -> repository.eventPublished(articleId,
                                event.getString(ArticleEventEnvelopes.EVENT_ID))))
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Void> send(String articleId, Document event) {
        Message<String> message = Message.of(event.getString(ArticleEventEnvelopes.PAYLOAD))
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                        .withTopic(event.getString(ArticleEventEnvelopes.TOPIC))
                        .withKey(articleId)
                        .withHeaders(new RecordHeaders().add("content-type",
                                ArticleEventEnvelopes.CONTENT_TYPE.getBytes(UTF_8)))
                        .build());
        return emitter.sendMessage(message)
                .ifNoItem().after(ACK_TIMEOUT).fail()
                .invoke(() -> published.increment());
    }
}
