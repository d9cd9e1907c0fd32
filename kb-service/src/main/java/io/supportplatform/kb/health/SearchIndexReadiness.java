package io.supportplatform.kb.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.supportplatform.kb.repository.ArticleIndex;

/** Until the index is built from the store, searches would miss articles: not ready. */
@Readiness
@ApplicationScoped
public class SearchIndexReadiness implements HealthCheck {

    private final ArticleIndex index;

    public SearchIndexReadiness(ArticleIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Search index")
                .status(index.isReady())
                .withData("articles", index.size())
                .build();
    }
}
