package io.supportplatform.kb.messaging;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.supportplatform.cloudevents.EventFields;
import io.supportplatform.cloudevents.MalformedEventException;
import io.supportplatform.kb.domain.ArticleEventType;
import io.supportplatform.kb.service.IndexSync;

/**
 * Consumes every kb-article-* event, in a consumer group of this instance alone
 * ({@code kb-service-index-<random>}), so each instance sees every write, its own included, and refreshes its
 * index entry from the store (issue 6 item 2). Malformed events go to {@code dead-letter-kb}; a store that
 * fails is retried a few times first.
 */
@ApplicationScoped
public class ArticleChangeConsumer {

    private static final Logger LOG = Logger.getLogger(ArticleChangeConsumer.class);
    private static final Set<String> TYPES = Arrays.stream(ArticleEventType.values())
            .map(ArticleEventType::cloudEventType).collect(Collectors.toUnmodifiableSet());

    private final ObjectMapper json;
    private final IndexSync sync;

    public ArticleChangeConsumer(ObjectMapper json, IndexSync sync) {
        this.json = json;
        this.sync = sync;
    }

    @Incoming("kb-article-changes")
    public Uni<Void> onArticleChanged(String value) {
        return Uni.createFrom().item(() -> parse(value))
                .onFailure(MalformedEventException.class).invoke(e -> LOG.warn(e.getMessage() + "; dead-lettered"))
                .chain(change -> Uni.createFrom().deferred(() -> sync.articleChanged(change.articleId(), change.sequence()))
                        .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10)).atMost(4));
    }

    private Change parse(String value) {
        EventFields envelope = EventFields.envelope(json, value, TYPES);
        String subject = envelope.text("subject");
        EventFields data = envelope.object("data");
        String articleId = data.text("articleId");
        long sequence = data.positiveLong("sequence");
        if (subject != null && articleId != null && !subject.equals(articleId)) {
            envelope.problem("subject must be the article id " + articleId);
        }
        envelope.check();
        return new Change(articleId, sequence);
    }

    private record Change(String articleId, long sequence) {
    }
}
