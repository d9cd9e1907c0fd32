package io.supportplatform.kb.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.domain.Audience;
import io.supportplatform.kb.domain.Language;
import io.supportplatform.kb.domain.SearchHit;
import io.supportplatform.kb.domain.SearchQuery;
import io.supportplatform.kb.mapping.SeedArticles;

/**
 * Search quality over the demo corpus (issue 6 item 7, P14.b: the right article must come first for the words a
 * customer types). The judged queries ({@code search-quality/queries.jsonl}, made by
 * {@code kb-service/seed/judgments.py}) are run as a customer, without language filter, against the real
 * {@link ArticleIndex} built from the seed articles. Figures:
 * <ul>
 * <li>nDCG@10 with graded gains: 2 for a relevant article in the query's language, 1 for the same problem's
 * article in the other language;</li>
 * <li>recall@5: share of the query-language relevant articles in the first five, out of at most five.</li>
 * </ul>
 * Thresholds sit a little below the measured figures, so a ranking regression fails the build.
 */
class SearchQualityTest {

    static final double MIN_NDCG_AT_10 = 0.80; // measured 0.829 (0.801 before this ranking work)
    static final double MIN_RECALL_AT_5 = 0.78; // measured 0.810 (0.747 before)

    record Judged(String q, String language, List<String> relevant, List<String> partlyRelevant) {
    }

    static ArticleIndex index;

    @BeforeAll
    static void indexTheSeedCorpus() {
        index = new ArticleIndex();
        index.rebuild(publishedSeedArticles(Instant.parse("2026-01-01T00:00:00Z")));
    }

    /** How many articles the search's Lucene query matches. */
    static int luceneQueryMatches(SearchQuery search) {
        return index.withSearcher(searcher -> {
            SearchQueries.Built built = SearchQueries.build(search, searcher.getIndexReader(),
                    new TypoExpansions.Found(-1));
            return built == null ? 0 : searcher.count(built.match());
        });
    }

    /** The demo corpus, whose ids the judged queries name, as articles published at {@code now}. */
    static List<Article> publishedSeedArticles(Instant now) {
        return SeedArticles.read().stream()
                .map(s -> Article.draft(s.id(), s.content(), "demo-seed", now).publish("demo-seed", now))
                .toList();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void judgedQueriesFindTheRightArticles() throws IOException {
        List<Judged> queries = judged();
        assertThat(queries.size(), greaterThanOrEqualTo(50));
        double ndcgSum = 0;
        double recallSum = 0;
        StringBuilder report = new StringBuilder();
        for (Judged query : queries) {
            List<String> ranked = index.search(new SearchQuery(query.q(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), 10, Audience.CUSTOMER)).hits().stream().map(SearchHit::id)
                    .toList();
            double ndcg = ndcgAt10(ranked, query);
            double recall = recallAt5(ranked, query);
            ndcgSum += ndcg;
            recallSum += recall;
            report.append(String.format(Locale.ROOT, "%.3f %.2f  %-55s %s%n", ndcg, recall, query.q(),
                    ranked.subList(0, Math.min(3, ranked.size()))));
        }
        double ndcg = ndcgSum / queries.size();
        double recall = recallSum / queries.size();
        System.out.print(report);
        System.out.printf(Locale.ROOT, "Search quality over %d judged queries: nDCG@10 %.3f, recall@5 %.3f%n",
                queries.size(), ndcg, recall);
        assertThat("nDCG@10", ndcg, greaterThanOrEqualTo(MIN_NDCG_AT_10));
        assertThat("recall@5", recall, greaterThanOrEqualTo(MIN_RECALL_AT_5));
    }

    /**
     * Totals and facets are counted on bit sets (ClauseSearch), not by running the scored Lucene query: both must
     * match exactly the same articles, for every judged query (typos, phrases, compounds), audience and language
     * filter.
     */
    @Test
    void theCountedTotalIsWhatTheLuceneQueryMatches() throws IOException {
        int compared = 0;
        for (Judged query : judged()) {
            for (Audience audience : Audience.values()) {
                for (Optional<Language> language : List.of(Optional.<Language>empty(), Optional.of(Language.DE),
                        Optional.of(Language.EN))) {
                    SearchQuery search = new SearchQuery(query.q(), language, Optional.empty(), Optional.empty(),
                            Optional.empty(), 10, audience);
                    assertThat(query.q() + " " + audience + " " + language, index.search(search).total(),
                            equalTo((long) luceneQueryMatches(search)));
                    compared++;
                }
            }
        }
        assertThat(compared, greaterThanOrEqualTo(300));
    }

    static double ndcgAt10(List<String> ranked, Judged query) {
        List<Integer> gains = new ArrayList<>();
        query.relevant().forEach(id -> gains.add(2));
        query.partlyRelevant().forEach(id -> gains.add(1));
        double ideal = dcg(gains.stream().sorted((a, b) -> b - a).limit(10).toList());
        List<Integer> actual = ranked.stream().limit(10)
                .map(id -> query.relevant().contains(id) ? 2 : query.partlyRelevant().contains(id) ? 1 : 0).toList();
        return dcg(actual) / ideal;
    }

    static double dcg(List<Integer> gains) {
        double sum = 0;
        for (int i = 0; i < gains.size(); i++) {
            sum += (Math.pow(2, gains.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }

    static double recallAt5(List<String> ranked, Judged query) {
        Set<String> top = new HashSet<>(ranked.subList(0, Math.min(5, ranked.size())));
        long found = query.relevant().stream().filter(top::contains).count();
        return (double) found / Math.min(5, query.relevant().size());
    }

    static List<Judged> judged() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (var in = SearchQualityTest.class.getResourceAsStream("/search-quality/queries.jsonl");
                var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Judged> queries = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    queries.add(json.readValue(line, Judged.class));
                }
            }
            return queries;
        }
    }
}
