package io.supportplatform.kb.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.repository.ArticleIndex;
import io.supportplatform.kb.repository.ArticleRepository;

/**
 * Builds the search index from MongoDB when the service starts. Startup observers run on the main thread, so
 * waiting here blocks no event loop; readiness stays down until the index is built.
 */
@ApplicationScoped
public class IndexLoader {

    private static final Logger LOG = Logger.getLogger(IndexLoader.class);

    private final ArticleRepository repository;
    private final ArticleIndex index;

    public IndexLoader(ArticleRepository repository, ArticleIndex index) {
        this.repository = repository;
        this.index = index;
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        List<Article> articles = repository.findAll().collect().asList().await().atMost(Duration.ofMinutes(5));
        index.rebuild(articles);
        LOG.infof("Search index built from %d articles in %d ms", articles.size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
