package io.supportplatform.kb.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Typo tolerance (issue 6 item 2): which indexed words a word the index does not know is expanded to. Two
 * segments, so variants are gathered over all of them.
 */
class TypoExpansionsTest {

    static final String FIELD = "body_en";

    final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    DirectoryReader reader;

    @BeforeEach
    void index() throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            add(writer, "backup certificate agent");
            writer.commit();
            add(writer, "backpack certified agents");
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterEach
    void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void aOneLetterSlipFindsTheWordAndItsOneEditNeighbours() throws IOException {
        assertThat(variants("bakup"), contains("backup"));
        assertThat(variants("agnet"), hasItem("agent")); // swapped neighbours count as one edit
        assertThat(variants("agnet"), not(hasItem("agents"))); // two edits: not for a short word
    }

    @Test
    void aLongWordGetsTwoEditsOnlyWhenNothingIsOneEditAway() throws IOException {
        assertThat(variants("certfcate"), contains("certificate")); // two letters missing
        // "certificat" is one edit from certificate: the 2-edit neighbourhood is not searched
        assertThat(variants("certificat"), contains("certificate"));
    }

    @Test
    void aWordWithNoNeighbourAddsNothing() throws IOException {
        BooleanQuery.Builder clause = new BooleanQuery.Builder();
        assertThat(new TypoExpansions(reader, new TypoExpansions.Found(reader.getVersion())).add(clause, "zebrafish", FIELD, 1f), is(false));
        assertThat(clause.build().clauses(), empty());
    }

    @Test
    void aSingleVariantIsMarkedForPlainScoringAndLuceneScoresItAsTheSynonymGroup() throws IOException {
        // One variant: a TypoVariant, which ClauseSearch scores from kept posting lists like a plain word
        Query single = expansion("bakup", 2f);
        assertThat(((BoostQuery) single).getQuery(), instanceOf(TypoVariant.class));
        IndexSearcher searcher = new IndexSearcher(reader);
        Query group = new BoostQuery(new SynonymQuery.Builder(FIELD)
                .addTerm(new Term(FIELD, "backup"), TypoExpansions.similarity("bakup", "backup")).build(), 2f);
        assertThat(ClauseSearchTest.describe(searcher.search(single, 10)),
                equalTo(ClauseSearchTest.describe(searcher.search(group, 10))));
        // Two variants ("agenst": agents, agent) stay a synonym group
        assertThat(((BoostQuery) expansion("agenst", 1f)).getQuery(), instanceOf(SynonymQuery.class));
    }

    @Test
    void editsCountLikeFuzzyQuery() {
        assertThat(TypoExpansions.edits(cp("agnet"), cp("agent")), equalTo(1));
        assertThat(TypoExpansions.edits(cp("certfcate"), cp("certificate")), equalTo(2));
        assertThat(TypoExpansions.similarity("bakup", "backup"), equalTo(1f - 1f / 5));
    }

    private Query expansion(String word, float weight) throws IOException {
        BooleanQuery.Builder clause = new BooleanQuery.Builder();
        new TypoExpansions(reader, new TypoExpansions.Found(reader.getVersion())).add(clause, word, FIELD, weight);
        return clause.build().clauses().get(0).getQuery();
    }


    private List<String> variants(String word) throws IOException {
        BooleanQuery.Builder clause = new BooleanQuery.Builder();
        new TypoExpansions(reader, new TypoExpansions.Found(reader.getVersion())).add(clause, word, FIELD, 1f);
        Set<Term> terms = new LinkedHashSet<>();
        clause.build().visit(QueryVisitor.termCollector(terms));
        return terms.stream().map(Term::text).toList();
    }

    private static void add(IndexWriter writer, String text) throws IOException {
        Document document = new Document();
        document.add(new TextField(FIELD, text, Store.NO));
        writer.addDocument(document);
    }

    private static int[] cp(String s) {
        return s.codePoints().toArray();
    }
}
