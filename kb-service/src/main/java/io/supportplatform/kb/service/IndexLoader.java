package io.supportplatform.kb.service;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.supportplatform.kb.repository.ArticleIndex;
import io.supportplatform.kb.repository.ArticleRepository;

/**
 * Builds the search index from MongoDB when the service starts. Startup observers run on the main thread, so
 * waiting here blocks no event loop; readiness stays down until the index is built.
 */
@ApplicationScoped
public class IndexLoader {

    static final int PRIORITY = Interceptor.Priority.APPLICATION;
    private static final Logger LOG = Logger.getLogger(IndexLoader.class);

    private final ArticleRepository repository;
    private final ArticleIndex index;

    public IndexLoader(ArticleRepository repository, ArticleIndex index) {
        this.repository = repository;
        this.index = index;
    }

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) {
        long started = System.nanoTime();
        // Streamed with back-pressure, not collected: 100,000 articles with their revisions do not fit the heap.
        index.rebuild(repository.findAll().subscribe().asIterable());
        LOG.infof("Search index built from %d articles in %d ms", index.size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
