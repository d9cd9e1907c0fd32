package io.supportplatform.kb.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.domain.ArticleContent;
import io.supportplatform.kb.domain.Audience;
import io.supportplatform.kb.domain.Language;
import io.supportplatform.kb.domain.ProductRef;
import io.supportplatform.kb.domain.SearchQuery;
import io.supportplatform.kb.domain.SearchResult;
import io.supportplatform.kb.domain.Visibility;

/**
 * The proximity boost (typed words standing close together rank higher) is applied by rescoring the best
 * {@link SearchQueries#RESCORED} articles by word scores, not as a clause of the ranking query (issue 6 item 8):
 * the article with the words side by side must still come first, and counts still cover every match. A phrase
 * with a word its field lacks could match nothing and is not built (it would change no score).
 */
class ProximityRescoringTest {

    static final int SCATTERED = SearchQueries.RESCORED - 1; // all within the rescored window
    static ArticleIndex index;

    @BeforeAll
    static void indexArticles() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < SCATTERED; i++) {
            // Shorter bodies than the close one: higher BM25 word scores, so without the boost they would lead.
            articles.add(article("scattered-" + i, "Backup note " + i,
                    "The backup job ran overnight on the file server and the disk was checked. Later the import failed."));
        }
        articles.add(article("close", "Backup note close",
                "The nightly job on the file server reported that the backup failed because the target share was "
                        + "full and the disk quota of the account was reached before the run could finish its work."));
        index = new ArticleIndex();
        index.rebuild(articles);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void wordsSideBySideRankFirstAndEveryMatchIsCounted() {
        SearchResult result = index.search(new SearchQuery("backup failed", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 10, Audience.CUSTOMER));

        assertThat(result.hits(), hasSize(10));
        assertThat(result.hits().get(0).id(), equalTo("close"));
        assertThat(result.total(), equalTo((long) SCATTERED + 1));
        assertThat(result.facets().get(IndexFields.CATEGORY).get("backup"), equalTo(SCATTERED + 1));
    }

    @Test
    void aPhraseWithAWordItsFieldLacksIsLeftOutOfTheBoost() {
        // "failed" is in bodies only: the title phrase could match no article, so it is not built at all.
        assertThat(proximityFields("backup failed"), contains(IndexFields.body(Language.EN)));
        assertThat(index.withSearcher(searcher -> searcher.count(new PhraseQuery(100, IndexFields.title(Language.EN),
                "backup", "failed"))), equalTo(0));
        // "note" is in titles only: the other way round.
        assertThat(proximityFields("backup note"), contains(IndexFields.title(Language.EN)));
        // A typo the index does not have: no phrase can match, nothing is rescored.
        assertThat(index.withSearcher(searcher -> SearchQueries.build(search("backup faild"),
                searcher.getIndexReader(), new TypoExpansions.Found(-1)).proximity()), nullValue());
    }

    /** The fields of the proximity boost's phrases for this text. */
    private static Set<String> proximityFields(String text) {
        return index.withSearcher(searcher -> {
            Query proximity = SearchQueries.build(search(text), searcher.getIndexReader(),
                    new TypoExpansions.Found(-1)).proximity();
            Set<String> fields = new TreeSet<>();
            proximity.visit(new QueryVisitor() {
                @Override
                public void consumeTerms(Query query, Term... terms) {
                    for (Term term : terms) {
                        fields.add(term.field());
                    }
                }

                @Override
                public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                    return this;
                }
            });
            return fields;
        });
    }

    private static SearchQuery search(String text) {
        return new SearchQuery(text, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 10,
                Audience.CUSTOMER);
    }

    private static Article article(String id, String title, String body) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        ArticleContent content = new ArticleContent(title, body, Language.EN,
                List.of(new ProductRef("Backup", List.of("12.1"))), List.of("windows"), "backup", List.of("backup"),
                Visibility.PUBLIC);
        return Article.draft(id, content, "test", now).publish("test", now);
    }
}
