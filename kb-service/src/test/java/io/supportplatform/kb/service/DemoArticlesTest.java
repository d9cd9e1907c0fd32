package io.supportplatform.kb.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.supportplatform.devstack.testing.MongoTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.domain.ArticleStatus;
import io.supportplatform.kb.mapping.SeedArticles;
import io.supportplatform.kb.repository.ArticleIndex;
import io.supportplatform.kb.repository.ArticleRepository;

/**
 * The demo knowledge base (issue 6 item 6): with DEMO_DATA on, the service starts with every seed article
 * published through the normal write path (so in the store and the index), loading again changes nothing, and
 * the internal demo articles stay out of customers' searches (P1.1). Own database, so the other test classes'
 * articles do not mix in.
 */
@QuarkusTest
@TestProfile(DemoArticlesTest.DemoData.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(MongoTestResource.class)
class DemoArticlesTest {

    public static class DemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kb.demo-data.enabled", "true", "quarkus.mongodb.database", "kb-demo");
        }
    }

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    DemoArticles demo;
    @Inject
    ArticleRepository repository;
    @Inject
    ArticleIndex index;

    @Test
    void theSeedCorpusIsPublishedAtStartAndLoadingAgainChangesNothing() {
        int seeds = SeedArticles.read().size();
        assertThat(seeds, greaterThanOrEqualTo(300));
        Map<String, Long> versions = stored();
        assertThat(versions.size(), equalTo(seeds));
        assertThat(index.size(), equalTo(seeds));
        List<Article> all = repository.findAll().collect().asList().await().atMost(WAIT);
        assertThat(all.stream().map(Article::status).toList(), everyItem(equalTo(ArticleStatus.PUBLISHED)));
        assertThat(all.stream().map(Article::author).toList(), everyItem(equalTo(DemoArticles.AUTHOR)));

        assertThat(demo.load().await().atMost(WAIT), equalTo(0));
        assertThat(stored(), equalTo(versions));
        assertThat(index.size(), equalTo(seeds));
    }

    @Test
    void customersFindDemoArticlesButNeverTheInternalOnes() {
        String customer = TestTokens.customer("anna", "100001");
        List<String> hits = given().auth().oauth2(customer).queryParam("q", "Sicherung fehlgeschlagen Ziel voll")
                .get("/api/kb/search").then().statusCode(200).extract().path("hits.id");
        assertThat(hits.get(0), startsWith("kb-backup-failed-disk-full-de-"));

        String internalTitle = "Eskalationshinweise Intern";
        List<String> forCustomer = given().auth().oauth2(customer).queryParam("q", internalTitle)
                .queryParam("limit", "50").get("/api/kb/search").then().statusCode(200).extract().path("hits.id");
        assertThat(forCustomer, everyItem(not(endsWith("-internal"))));
        List<String> forStaff = given().auth().oauth2(TestTokens.agent("alex")).queryParam("q", internalTitle)
                .queryParam("limit", "50").get("/api/kb/search").then().statusCode(200).extract().path("hits.id");
        assertThat(forStaff, hasItem(endsWith("-internal")));
    }

    private Map<String, Long> stored() {
        return repository.findAll().collect().asList().await().atMost(WAIT).stream()
                .collect(Collectors.toMap(Article::id, Article::version));
    }
}
