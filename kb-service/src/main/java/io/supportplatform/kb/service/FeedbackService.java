package io.supportplatform.kb.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.domain.ArticleFeedback;
import io.supportplatform.kb.domain.ArticleStatus;
import io.supportplatform.kb.domain.Audience;
import io.supportplatform.kb.repository.FeedbackRepository;
import io.supportplatform.problem.ProblemException;

/**
 * Views and "this solved my problem" votes (P14.b: the knowledge base is judged by whether it solves
 * problems). A view is counted per read of an article, not per search hit, so search stays free of writes.
 */
@ApplicationScoped
public class FeedbackService {

    private final ArticleService articles;
    private final FeedbackRepository feedback;
    private final Clock clock = Clock.systemUTC();

    public FeedbackService(ArticleService articles, FeedbackRepository feedback) {
        this.articles = articles;
        this.feedback = feedback;
    }

    /** Reads the article for the audience (404 as {@link ArticleService#read}), counting the view. */
    public Uni<ReadArticle> read(String id, Audience audience) {
        return articles.read(id, audience)
                .chain(article -> feedback.countView(article.id())
                        .chain(views -> feedback.feedback(article.id(), views))
                        .map(counts -> new ReadArticle(article, counts)));
    }

    /**
     * One vote per user and article; a later vote replaces the earlier. Only published articles take votes;
     * an article the voter may not read is missing (404).
     */
    public Uni<ArticleFeedback> vote(String id, Audience audience, String username, boolean helpful) {
        return articles.read(id, audience)
                .chain(article -> {
                    if (article.status() != ArticleStatus.PUBLISHED) {
                        return Uni.createFrom().failure(ProblemException.conflict(
                                "Article " + id + " is " + article.status() + "; only published articles take votes."));
                    }
                    return feedback.vote(id, username, helpful, clock.instant().truncatedTo(ChronoUnit.MILLIS))
                            .chain(() -> feedback.feedback(id));
                });
    }

    public record ReadArticle(Article article, ArticleFeedback feedback) {
    }
}
