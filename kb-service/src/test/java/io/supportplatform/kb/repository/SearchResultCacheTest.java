package io.supportplatform.kb.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.sameInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.domain.ArticleContent;
import io.supportplatform.kb.domain.Audience;
import io.supportplatform.kb.domain.Language;
import io.supportplatform.kb.domain.ProductRef;
import io.supportplatform.kb.domain.SearchHit;
import io.supportplatform.kb.domain.SearchQuery;
import io.supportplatform.kb.domain.SearchResult;
import io.supportplatform.kb.domain.Visibility;

/**
 * The search result cache (issue 6 item 8): a repeated search is answered from it (from its third time: a search
 * asked only once is not kept), but never with an answer the
 * index no longer gives (every write, also one applied from another instance's kb-article-* event, goes through
 * {@link ArticleIndex#upsert}) and never with an answer computed for another audience (P1.1: internal articles
 * never reach customers).
 */
class SearchResultCacheTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    ArticleIndex index;

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
    }

    @Test
    void aRepeatedSearchIsAnsweredFromTheCacheWhateverTheSpacingAndCase() {
        index = indexed(100, published("a1", "Printer offline after update", Visibility.PUBLIC));

        SearchResult first = index.search(customer("printer offline"));
        SearchResult second = index.search(customer("  Printer   OFFLINE "));
        assertThat("asked once, the answer was not kept", second, not(sameInstance(first)));
        assertThat(index.search(customer("printer offline")), sameInstance(second));
        assertThat(index.search(customer("PRINTER offline")), sameInstance(second));
        assertThat(ids(second), contains("a1"));
        index.search(limited("printer offline", 5));
        assertThat("a different limit is a different search", index.search(limited("printer offline", 5)),
                not(sameInstance(second)));
    }

    @Test
    void theAnswerOfASearchAskedOnlyOnceIsNotKept() {
        index = indexed(100, published("a1", "Backup failed on the file server", Visibility.PUBLIC));
        SearchResultCache answers = index.resultCache();
        for (int i = 0; i < 50; i++) {
            index.search(customer("backup failed " + i));
        }
        assertThat("the long tail of new searches takes no room", answers.size(), equalTo(0L));

        index.search(customer("backup failed 7"));
        SearchResult kept = index.search(customer("backup failed 7"));
        assertThat(answers.size(), equalTo(1L));
        assertThat(answers.hits(), equalTo(1L));
        assertThat(index.search(customer("backup failed 7")), sameInstance(kept));
    }

    @Test
    void aWriteIsFoundByTheNextSearchThoughTheSameSearchWasCachedBefore() {
        index = indexed(100, published("a1", "Printer offline after update", Visibility.PUBLIC));
        assertThat(ids(index.search(customer("printer offline"))), contains("a1"));
        SearchResult kept = index.search(customer("printer offline"));
        assertThat(index.search(customer("printer offline")), sameInstance(kept));
        assertThat(kept.total(), equalTo(1L));

        // Publish: a new article appears (an upsert is also what an event from another instance causes).
        Article a2 = published("a2", "Printer offline: spooler stopped", Visibility.PUBLIC);
        index.upsert(a2);
        SearchResult afterPublish = index.search(customer("printer offline"));
        assertThat(ids(afterPublish), containsInAnyOrder("a1", "a2"));
        assertThat(afterPublish.total(), equalTo(2L));
        assertThat(afterPublish.facets().get(IndexFields.CATEGORY).get("printing"), equalTo(2));

        // Update: the new title is what the next identical search shows.
        Article revised = a2.revise(content("Printer offline: restart the print spooler", Visibility.PUBLIC), "test",
                NOW);
        index.upsert(revised);
        assertThat(index.search(customer("printer offline")).hits().stream().map(SearchHit::title).toList(),
                containsInAnyOrder("Printer offline after update", "Printer offline: restart the print spooler"));

        // Retire: gone from the customer's next identical search.
        index.upsert(revised.retire(NOW));
        SearchResult afterRetire = index.search(customer("printer offline"));
        assertThat(ids(afterRetire), contains("a1"));
        assertThat(afterRetire.total(), equalTo(1L));
    }

    @Test
    void aCustomerNeverGetsTheAnswerCachedForStaff() {
        index = indexed(100, published("public", "Licence server unreachable", Visibility.PUBLIC),
                published("internal", "Licence server unreachable: internal escalation path", Visibility.INTERNAL));

        index.search(search("licence server", 10, Audience.STAFF));
        SearchResult staff = index.search(search("licence server", 10, Audience.STAFF));
        assertThat(index.search(search("licence server", 10, Audience.STAFF)), sameInstance(staff));
        assertThat(ids(staff), containsInAnyOrder("public", "internal"));
        SearchResult customer = index.search(customer("licence server"));
        assertThat(ids(customer), contains("public"));
        assertThat(customer.total(), equalTo(1L));
        // And the other way round: staff asking after a customer get their own, complete answer.
        assertThat(ids(index.search(search("licence server", 10, Audience.STAFF))),
                containsInAnyOrder("public", "internal"));
    }

    @Test
    void theCacheKeepsAtMostItsSizeAndCountsHitsAndMisses() {
        index = indexed(3, published("a1", "Backup failed on the file server", Visibility.PUBLIC));
        SearchResultCache answers = index.resultCache();
        for (int i = 0; i < 20; i++) {
            index.search(customer("backup failed " + i));
            index.search(customer("backup failed " + i)); // asked again: kept
        }
        assertThat(answers.size(), lessThanOrEqualTo(3L));
        assertThat(answers.misses(), equalTo(40L));
        assertThat(answers.hits(), equalTo(0L));

        index.search(customer("backup failed 19"));
        assertThat(answers.hits(), equalTo(1L));
    }

    @Test
    void anAnswerComputedOnAnOlderIndexVersionIsNeverServed() {
        SearchResultCache answers = new SearchResultCache(10);
        SearchQuery search = customer("vpn drops");
        answers.put(search, 7, new SearchResult(1, List.of(), Map.of()));
        answers.put(search, 7, new SearchResult(1, List.of(), Map.of())); // asked twice: kept

        assertThat("stored after a search on version 7 that ran while version 8 came", answers.get(search, 8),
                nullValue());
        assertThat(answers.get(search, 7).total(), equalTo(1L));
    }

    @Test
    void withoutACacheEverySearchIsComputed() {
        index = indexed(0, published("a1", "Printer offline after update", Visibility.PUBLIC));
        assertThat(index.search(customer("printer offline")),
                not(sameInstance(index.search(customer("printer offline")))));
        assertThat(ids(index.search(customer("nothing like this"))), empty());
    }

    private static ArticleIndex indexed(int cacheSize, Article... articles) {
        ArticleIndex index = new ArticleIndex(cacheSize);
        index.rebuild(List.of(articles));
        return index;
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).toList();
    }

    private static SearchQuery customer(String text) {
        return search(text, 10, Audience.CUSTOMER);
    }

    private static SearchQuery limited(String text, int limit) {
        return search(text, limit, Audience.CUSTOMER);
    }

    private static SearchQuery search(String text, int limit, Audience audience) {
        return new SearchQuery(text, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit,
                audience);
    }

    private static Article published(String id, String title, Visibility visibility) {
        return Article.draft(id, content(title, visibility), "test", NOW).publish("test", NOW);
    }

    private static ArticleContent content(String title, Visibility visibility) {
        return new ArticleContent(title, title + ". Check the service and try again.", Language.EN,
                List.of(new ProductRef("Endpoint Manager", List.of("12.1"))), List.of("windows"), "printing",
                List.of("printer"), visibility);
    }
}
