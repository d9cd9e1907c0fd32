package io.supportplatform.kb.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.domain.ArticleCandidate;
import io.supportplatform.kb.domain.ArticleCandidate.Status;
import io.supportplatform.kb.domain.ArticleCandidate.TicketItem;
import io.supportplatform.kb.domain.ArticleContent;
import io.supportplatform.kb.domain.Language;
import io.supportplatform.kb.domain.ProductRef;
import io.supportplatform.kb.domain.Visibility;
import io.supportplatform.kb.repository.CandidateRepository;
import io.supportplatform.problem.ProblemException;

/**
 * The queue of article candidates (issue 6 item 4): resolved tickets that no article covered, offered to
 * agents to write up, so the next customer with the same problem finds the answer themselves (P1.1, P14.b).
 */
@ApplicationScoped
public class CandidateService {

    private static final int MAX_TITLE = 200;

    private final CandidateRepository candidates;
    private final ArticleService articles;
    private final Clock clock = Clock.systemUTC();

    public CandidateService(CandidateRepository candidates, ArticleService articles) {
        this.candidates = candidates;
        this.articles = articles;
    }

    /** A ticket was resolved: without a linked article it is a candidate, with one it is not (any more). */
    public Uni<Void> ticketResolved(ArticleCandidate resolved, List<String> linkedArticleIds) {
        return linkedArticleIds.isEmpty() ? candidates.offer(resolved)
                : candidates.withdraw(resolved.ticketId(), resolved.sequence());
    }

    public Uni<CandidatePage> pending(int page, int size) {
        return Uni.combine().all().unis(candidates.countPending(), candidates.pending(page, size))
                .with((total, items) -> new CandidatePage(total, page, size, items));
    }

    /**
     * Turns the candidate into a draft article prefilled from the ticket. The draft is internal until an
     * agent has reviewed it (P1.1: internal articles never reach customers) and carries nothing about the
     * customer (no ticket number, no system ID), so publishing it later cannot leak them.
     */
    public Uni<Article> draft(String ticketId, String agent, Language language, String category) {
        return take(ticketId, Status.DRAFTED, agent)
                .chain(candidate -> articles.create(content(candidate, language, category), agent)
                        // Writing the draft failed: the candidate goes back into the queue for another try.
                        .onFailure().call(() -> candidates.requeue(ticketId))
                        .call(article -> candidates.drafted(ticketId, article.id())));
    }

    public Uni<Void> dismiss(String ticketId, String agent) {
        return take(ticketId, Status.DISMISSED, agent).replaceWithVoid();
    }

    private Uni<ArticleCandidate> take(String ticketId, Status outcome, String agent) {
        return candidates.handle(ticketId, outcome, agent, clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .onItem().ifNull().switchTo(() -> candidates.find(ticketId)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound(
                                "There is no article candidate for ticket " + ticketId + "."))
                        .chain(handled -> Uni.createFrom().failure(ProblemException.conflict(
                                "The candidate of ticket " + ticketId + " was handled already ("
                                        + handled.status() + ")."))));
    }

    private static ArticleContent content(ArticleCandidate candidate, Language language, String category) {
        String title = candidate.subject().length() > MAX_TITLE ? candidate.subject().substring(0, MAX_TITLE)
                : candidate.subject();
        String solution = candidate.resolution() == null || candidate.resolution().isBlank()
                ? "_Describe the solution._"
                : candidate.resolution();
        String body = "## Problem\n\n" + candidate.subject() + "\n\n## Solution\n\n" + solution + "\n";
        return new ArticleContent(title, body, language, products(candidate.products()),
                candidate.platforms().stream().map(TicketItem::name).distinct().toList(), category,
                List.of("from-ticket"), Visibility.INTERNAL);
    }

    /** The ticket names one version per product line; an article lists the versions per product. */
    private static List<ProductRef> products(List<TicketItem> items) {
        Map<String, List<String>> versions = new LinkedHashMap<>();
        for (TicketItem item : items) {
            List<String> list = versions.computeIfAbsent(item.name(), name -> new ArrayList<>());
            if (item.version() != null && !item.version().isBlank() && !list.contains(item.version())) {
                list.add(item.version());
            }
        }
        return versions.entrySet().stream().map(e -> new ProductRef(e.getKey(), e.getValue())).toList();
    }

    public record CandidatePage(long total, int page, int size, List<ArticleCandidate> candidates) {
    }
}
