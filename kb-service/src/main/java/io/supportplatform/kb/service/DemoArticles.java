package io.supportplatform.kb.service;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.supportplatform.kb.config.DemoDataConfig;
import io.supportplatform.kb.mapping.SeedArticles;
import io.supportplatform.kb.mapping.SeedArticles.Seed;
import io.supportplatform.kb.repository.ArticleRepository;

/**
 * Loads the demo knowledge base when {@code kb.demo-data.enabled} (DEMO_DATA=true: the local run, the end-to-end
 * tests). Each seed article is created and published through {@link ArticleService}, the path agents use, so
 * store and index stay in step. Idempotent: an id that exists already is left alone, so a restart changes
 * nothing and an agent's edit of a demo article survives it. Runs after {@link IndexLoader} built the index.
 */
@ApplicationScoped
public class DemoArticles {

    static final String AUTHOR = "demo-seed";
    private static final Logger LOG = Logger.getLogger(DemoArticles.class);

    private final DemoDataConfig config;
    private final ArticleRepository repository;
    private final ArticleService articles;

    public DemoArticles(DemoDataConfig config, ArticleRepository repository, ArticleService articles) {
        this.config = config;
        this.repository = repository;
        this.articles = articles;
    }

    void onStart(@Observes @Priority(IndexLoader.PRIORITY + 100) StartupEvent event) {
        if (config.enabled()) {
            int added = load().await().atMost(Duration.ofMinutes(2)); // main thread: no event loop to block
            LOG.infof("Demo knowledge base: %d articles added", added);
        }
    }

    /** @return how many seed articles were missing and are now written */
    public Uni<Integer> load() {
        return Multi.createFrom().iterable(SeedArticles.read())
                .onItem().transformToUni(this::loadOne).merge(4) // a few at a time: round trips overlap
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> loadOne(Seed seed) {
        return repository.findById(seed.id()).chain(existing -> existing != null ? Uni.createFrom().item(0)
                : articles.create(seed.id(), seed.content(), AUTHOR)
                        .chain(draft -> articles.publish(draft.id(), Optional.of(draft.version()), AUTHOR))
                        .replaceWith(1));
    }
}
