package io.supportplatform.kb.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.domain.Audience;
import io.supportplatform.kb.domain.Language;
import io.supportplatform.kb.domain.SearchQuery;

/**
 * {@link ClauseSearch} must give exactly what Lucene gives for the match query (P14.b: the right article first;
 * the API promises exact totals and facets): the same total, the same facet counts, the same best articles in the
 * same order with the same scores. Over the judged queries (typos, phrases, compounds, both languages), both
 * audiences and filters, on an index with several segments and deleted documents (articles revised and retired
 * after the rebuild), which the bit-set evaluation must leave out; most searches here leave matches unscored that
 * cannot make the best 20 (max-score pruning), and their best must still be Lucene's.
 */
class ClauseSearchTest {

    private static final String[] FACETS = { IndexFields.CATEGORY, IndexFields.PRODUCT, IndexFields.LANGUAGE };
    static ArticleIndex index;

    @BeforeAll
    static void indexTheSeedCorpusAndChangeSome() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        // The corpus three times over (copies under other ids), so that the common words have posting lists long
        // enough to be kept decoded (SegmentCache.HOT_DOC_FREQ) and both ways of reading postings are compared.
        List<Article> articles = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            String suffix = copy == 0 ? "" : "-copy-" + copy;
            SearchQualityTest.publishedSeedArticles(now).stream()
                    .map(a -> Article.draft(a.id() + suffix, a.content(), "demo-seed", now).publish("demo-seed", now))
                    .forEach(articles::add);
        }
        index = new ArticleIndex();
        index.rebuild(articles);
        // Every 7th article retired, every 5th revised (new segments, old documents deleted).
        Instant later = now.plusSeconds(60);
        for (int i = 0; i < articles.size(); i++) {
            Article article = articles.get(i);
            if (i % 7 == 0) {
                index.upsert(article.retire(later));
            } else if (i % 5 == 0) {
                index.upsert(article.revise(article.content(), "editor", later));
            }
        }
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void totalsFacetsAndBestArticlesAreThoseOfTheLuceneQuery() throws IOException {
        int[] compared = { 0 };
        int[] withHits = { 0 };
        int[] pruned = { 0 };
        index.withSearcher(searcher -> {
            assertThat("several segments", searcher.getIndexReader().leaves().size(), greaterThan(1));
            assertThat("deleted documents", searcher.getIndexReader().numDeletedDocs(), greaterThan(0));
            for (SearchQualityTest.Judged judged : SearchQualityTest.judged()) {
                for (Audience audience : Audience.values()) {
                    for (SearchQuery search : List.of(
                            query(judged.q(), Optional.empty(), Optional.empty(), audience),
                            query(judged.q(), Optional.of(Language.DE), Optional.empty(), audience),
                            query(judged.q(), Optional.empty(), Optional.of("Nimbus Backup"), audience))) {
                        SearchQueries.Built built = SearchQueries.build(search, searcher.getIndexReader(),
                                new TypoExpansions.Found(-1));
                        if (built == null) {
                            continue;
                        }
                        ClauseSearch.Result result = ClauseSearch.search(searcher, built.clauses(), 20, FACETS);
                        TopDocs lucene = searcher.search(built.match(), new TopScoreDocCollectorManager(20, 20));
                        String what = search.text() + " " + audience + " " + search.language() + " "
                                + search.product();
                        assertThat(what, result.total(), equalTo((long) searcher.count(built.match())));
                        assertThat(what, result.facets(), equalTo(facets(searcher, built)));
                        assertThat(what, describe(result.top()), equalTo(describe(lucene)));
                        compared[0]++;
                        if (result.pruned()) {
                            pruned[0]++;
                        }
                        if (result.total() > 0) {
                            withHits[0]++;
                        }
                    }
                }
            }
            return null;
        });
        assertThat(compared[0], greaterThanOrEqualTo(400));
        assertThat(withHits[0], greaterThanOrEqualTo(300));
        // Max-score pruning (words that cannot lift an article into the best scored for the candidates only) must
        // have had its say often enough to be compared.
        assertThat("searches with matches left unscored", pruned[0], greaterThanOrEqualTo(100));
        assertThat("query words with kept posting lists", wordsWithLongPostings(), greaterThanOrEqualTo(5L));
    }

    /**
     * A kept posting list's competitive (frequency, norm) pairs bound its scores (max-score pruning relies on it):
     * the best score over the pairs is the best score over the list, for every long list of the text fields.
     */
    @Test
    void competitivePairsGiveTheBestScoreOfAKeptList() throws IOException {
        int checked = index.withSearcher(searcher -> {
            int lists = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                SegmentCache segment = SegmentCache.of(leaf.reader());
                for (Language language : Language.values()) {
                    for (String field : List.of(IndexFields.title(language), IndexFields.tags(language),
                            IndexFields.body(language))) {
                        Terms terms = leaf.reader().terms(field);
                        if (terms == null) {
                            continue;
                        }
                        byte[] norms = segment.norms(leaf.reader(), field);
                        TermsEnum termsEnum = terms.iterator();
                        for (BytesRef text = termsEnum.next(); text != null; text = termsEnum.next()) {
                            Term term = new Term(field, BytesRef.deepCopyOf(text));
                            SegmentCache.Postings postings = segment.postings(term, termsEnum, norms);
                            if (postings == null) {
                                continue;
                            }
                            SimScorer scorer = searcher.getSimilarity().scorer(1f, searcher.collectionStatistics(field),
                                    searcher.termStatistics(term, termsEnum.docFreq(), termsEnum.totalTermFreq()));
                            float best = 0;
                            PostingsEnum list = termsEnum.postings(null, PostingsEnum.FREQS);
                            for (int doc = list.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = list.nextDoc()) {
                                best = Math.max(best, scorer.score(list.freq(), norms[doc]));
                            }
                            float bound = 0;
                            for (int i = 0; i < postings.competitiveFreqs.length; i++) {
                                bound = Math.max(bound, scorer.score(postings.competitiveFreqs[i],
                                        Byte.toUnsignedLong(postings.competitiveNorms[i])));
                            }
                            assertThat(term.toString(), bound, equalTo(best));
                            lists++;
                        }
                    }
                }
            }
            return lists;
        });
        assertThat("kept lists checked", checked, greaterThanOrEqualTo(20));
    }

    /** The judged queries' words (any field) whose posting list in the largest segment is long enough to be kept. */
    private static long wordsWithLongPostings() {
        return index.withSearcher(searcher -> {
            LeafReaderContext largest = searcher.getIndexReader().leaves().stream()
                    .max(Comparator.comparingInt(leaf -> leaf.reader().maxDoc())).orElseThrow();
            Set<Term> terms = new HashSet<>();
            for (SearchQualityTest.Judged judged : SearchQualityTest.judged()) {
                SearchQueries.Built built = SearchQueries.build(query(judged.q(), Optional.empty(), Optional.empty(),
                        Audience.STAFF), searcher.getIndexReader(), new TypoExpansions.Found(-1));
                if (built != null) {
                    built.match().visit(QueryVisitor.termCollector(terms));
                }
            }
            long longLists = 0;
            for (Term term : terms) {
                if (largest.reader().docFreq(term) >= SegmentCache.HOT_DOC_FREQ) {
                    longLists++;
                }
            }
            return longLists;
        });
    }

    private static SearchQuery query(String text, Optional<Language> language, Optional<String> product,
            Audience audience) {
        return new SearchQuery(text, language, product, Optional.empty(), Optional.empty(), 10, audience);
    }

    /** The hits as "doc:score", to compare rankings score for score. */
    static List<String> describe(TopDocs top) {
        return Arrays.stream(top.scoreDocs).map(d -> d.doc + ":" + d.score).toList();
    }

    /** Facet counts by collecting every match of the Lucene query and reading its doc values. */
    private static Map<String, Map<String, Integer>> facets(IndexSearcher searcher, SearchQueries.Built built)
            throws IOException {
        Map<String, Map<String, Integer>> facets = new java.util.LinkedHashMap<>();
        for (String field : FACETS) {
            facets.put(field, new TreeMap<>());
        }
        searcher.search(built.match(), new SimpleCollector() {
            private final List<SortedSetDocValues> values = new ArrayList<>();

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                values.clear();
                for (String field : FACETS) {
                    values.add(DocValues.getSortedSet(context.reader(), field));
                }
            }

            @Override
            public void collect(int doc) throws IOException {
                for (int f = 0; f < FACETS.length; f++) {
                    SortedSetDocValues field = values.get(f);
                    if (field.advanceExact(doc)) {
                        for (int n = field.docValueCount(); n > 0; n--) {
                            facets.get(FACETS[f]).merge(field.lookupOrd(field.nextOrd()).utf8ToString(), 1,
                                    Integer::sum);
                        }
                    }
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return facets;
    }
}
