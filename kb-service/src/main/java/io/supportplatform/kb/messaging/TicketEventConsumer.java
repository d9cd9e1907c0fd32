package io.supportplatform.kb.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.supportplatform.cloudevents.EventFields;
import io.supportplatform.cloudevents.MalformedEventException;
import io.supportplatform.kb.domain.ArticleCandidate;
import io.supportplatform.kb.domain.ArticleCandidate.Status;
import io.supportplatform.kb.domain.ArticleCandidate.TicketItem;
import io.supportplatform.kb.repository.FeedbackRepository;
import io.supportplatform.kb.service.CandidateService;

/**
 * Consumes ticket-service events in consumer group {@code kb-service} (one instance handles each):
 * <ul>
 * <li>{@code ticket-created}: a ticket filed although articles were suggested ({@code suggestedArticleIds},
 * optional) counts as "filed anyway" for each of them (P14.b);</li>
 * <li>{@code ticket-resolved}: a resolved ticket without a linked article becomes an article candidate.</li>
 * </ul>
 * Both are idempotent by key (ticket and article), so redeliveries and reordering change nothing; a
 * resolution only replaces one with a lower sequence. Malformed events go to {@code dead-letter-kb}; a store
 * that fails is retried a few times first.
 */
@ApplicationScoped
public class TicketEventConsumer {

    private static final Logger LOG = Logger.getLogger(TicketEventConsumer.class);
    static final String TICKET_CREATED = "io.supportplatform.ticket-created.v1";
    static final String TICKET_RESOLVED = "io.supportplatform.ticket-resolved.v1";
    private static final Pattern SYSTEM_ID = Pattern.compile("\\d{6}"); // P5.a

    private final ObjectMapper json;
    private final FeedbackRepository feedback;
    private final CandidateService candidates;

    public TicketEventConsumer(ObjectMapper json, FeedbackRepository feedback, CandidateService candidates) {
        this.json = json;
        this.feedback = feedback;
        this.candidates = candidates;
    }

    @Incoming("ticket-created-in")
    public Uni<Void> onTicketCreated(String value) {
        return parsed(() -> filedAfterSuggestion(value))
                .chain(filed -> retried(() -> Multi.createFrom().iterable(filed.articleIds())
                        .onItem().transformToUniAndConcatenate(
                                articleId -> feedback.filedAfterSuggestion(articleId, filed.ticketId(), filed.createdAt()))
                        .collect().last().replaceWithVoid()));
    }

    @Incoming("ticket-resolved-in")
    public Uni<Void> onTicketResolved(String value) {
        return parsed(() -> resolution(value))
                .chain(resolved -> retried(() -> candidates.ticketResolved(resolved.candidate(), resolved.linkedArticleIds())));
    }

    private static <T> Uni<T> parsed(Supplier<T> parse) {
        return Uni.createFrom().item(parse)
                .onFailure(MalformedEventException.class).invoke(e -> LOG.warn(e.getMessage() + "; dead-lettered"));
    }

    private static Uni<Void> retried(Supplier<Uni<? extends Void>> work) {
        return Uni.createFrom().<Void> deferred(work)
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10)).atMost(4);
    }

    private Filed filedAfterSuggestion(String value) {
        EventFields envelope = EventFields.envelope(json, value, Set.of(TICKET_CREATED));
        EventFields data = envelope.object("data");
        UUID ticketId = data.uuid("ticketId");
        Instant createdAt = data.instant("createdAt");
        // Optional: ticket-service adds it to v1; older events lack it.
        List<String> suggested = data.texts("suggestedArticleIds", true);
        envelope.check();
        return new Filed(ticketId.toString(), createdAt, suggested.stream().distinct().toList());
    }

    private Resolution resolution(String value) {
        EventFields envelope = EventFields.envelope(json, value, Set.of(TICKET_RESOLVED));
        String subject = envelope.text("subject");
        EventFields data = envelope.object("data");
        UUID ticketId = data.uuid("ticketId");
        if (ticketId != null && subject != null && !subject.equals(ticketId.toString())) {
            envelope.problem("subject must be the ticket id " + ticketId);
        }
        long sequence = data.positiveLong("sequence");
        String ticketNumber = data.text("ticketNumber");
        String systemId = data.text("systemId");
        if (systemId != null && !SYSTEM_ID.matcher(systemId).matches()) {
            envelope.problem("data.systemId must be six digits");
        }
        int severity = data.integer("severity");
        String ticketSubject = data.text("subject");
        List<TicketItem> products = items(data, "products");
        List<TicketItem> platforms = items(data, "platforms");
        String resolution = data.optionalText("resolution");
        List<String> linked = data.texts("linkedArticleIds", false);
        String resolvedBy = data.text("resolvedBy");
        Instant resolvedAt = data.instant("resolvedAt");
        envelope.check();
        return new Resolution(new ArticleCandidate(ticketId.toString(), ticketNumber, systemId, severity, ticketSubject,
                products, platforms, resolution, resolvedBy, resolvedAt, sequence, Status.PENDING), linked);
    }

    private static List<TicketItem> items(EventFields data, String name) {
        return data.objects(name).stream().map(item -> new TicketItem(item.text("name"), item.optionalText("version")))
                .toList();
    }

    private record Filed(String ticketId, Instant createdAt, List<String> articleIds) {
    }

    private record Resolution(ArticleCandidate candidate, List<String> linkedArticleIds) {
    }
}
