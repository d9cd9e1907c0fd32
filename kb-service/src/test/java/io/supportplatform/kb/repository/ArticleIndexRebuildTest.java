package io.supportplatform.kb.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportplatform.devstack.testing.MongoTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.domain.ArticleContent;
import io.supportplatform.kb.domain.Audience;
import io.supportplatform.kb.domain.Language;
import io.supportplatform.kb.domain.ProductRef;
import io.supportplatform.kb.domain.SearchHit;
import io.supportplatform.kb.domain.SearchQuery;
import io.supportplatform.kb.domain.SearchResult;
import io.supportplatform.kb.domain.Visibility;
import io.supportplatform.kb.service.ArticleService;

/**
 * The index is derived data: one rebuilt from MongoDB alone (as at a restart) answers like the one the running
 * service kept current write by write, including after edits, publishing and retiring.
 */
@QuarkusTest
@WithTestResource(OidcTestResource.class)
@WithTestResource(MongoTestResource.class)
class ArticleIndexRebuildTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    final String product = "Rebuild-Suite-" + UUID.randomUUID();

    @Inject
    ArticleService articles;
    @Inject
    ArticleRepository repository;
    @Inject
    ArticleIndex liveIndex;

    @Test
    void anIndexRebuiltFromTheStoreAnswersLikeTheLiveOne() {
        Article offline = write("Agent offline after reboot", "The agent stays offline after a reboot.", Language.EN);
        articles.publish(offline.id(), Optional.empty(), "alex").await().atMost(WAIT);
        Article edited = write("Agent offline in the DMZ", "Open the port for the agent.", Language.EN);
        articles.revise(edited.id(), 1, content("Agent offline in the DMZ", "Open port 443 for the offline agent.",
                Language.EN), "alex").await().atMost(WAIT);
        articles.publish(edited.id(), Optional.empty(), "alex").await().atMost(WAIT);
        Article retired = write("Agent offline with old release", "Update the agent.", Language.EN);
        articles.publish(retired.id(), Optional.empty(), "alex").await().atMost(WAIT);
        articles.retire(retired.id(), Optional.empty(), "alex").await().atMost(WAIT);
        write("Agent ist offline", "Der Agent ist offline.", Language.DE);

        try (ArticleIndex rebuilt = new ArticleIndex()) {
            rebuilt.rebuild(repository.findAll().collect().asList().await().atMost(WAIT));
            for (Audience audience : Audience.values()) {
                for (String text : List.of("agent offline", "port 443", "\"offline agent\"", "agnet")) {
                    SearchQuery query = new SearchQuery(text, Optional.empty(), Optional.of(product), Optional.empty(),
                            Optional.empty(), 10, audience);
                    SearchResult live = liveIndex.search(query);
                    SearchResult fresh = rebuilt.search(query);
                    assertThat(text + " for " + audience, fresh.total(), equalTo(live.total()));
                    assertThat(fresh.facets(), equalTo(live.facets()));
                    assertThat(ids(fresh), containsInAnyOrder(ids(live).toArray()));
                }
            }
            SearchQuery customerQuery = new SearchQuery("agent offline", Optional.empty(), Optional.of(product),
                    Optional.empty(), Optional.empty(), 10, Audience.CUSTOMER);
            assertThat(ids(rebuilt.search(customerQuery)), containsInAnyOrder(offline.id(), edited.id()));
            assertThat(rebuilt.size(), greaterThan(3));
        }
    }

    private Article write(String title, String body, Language language) {
        return articles.create(content(title, body, language), "alex").await().atMost(WAIT);
    }

    private ArticleContent content(String title, String body, Language language) {
        return new ArticleContent(title, body, language, List.of(new ProductRef(product, List.of())),
                List.of("windows"), "agents", List.of(), Visibility.PUBLIC);
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).toList();
    }
}
