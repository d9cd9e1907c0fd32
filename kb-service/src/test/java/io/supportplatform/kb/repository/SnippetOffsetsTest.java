package io.supportplatform.kb.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import io.supportplatform.kb.domain.Language;

/**
 * Snippets read with {@link SnippetOffsets} (one postings enum per word and segment, advanced from hit to hit) are
 * exactly those of the highlighter's own postings strategy (a new lookup per hit and word), also when the hits
 * lie in several segments, are asked for out of doc id order and some lack some of the words.
 */
class SnippetOffsetsTest {

    static final String BODY = IndexFields.body(Language.EN);

    @Test
    void sameSnippetsAsTheHighlightersOwnPostingsStrategy() throws IOException {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            bodies.add(switch (i % 4) {
                case 0 -> "The backup job failed overnight. The disk was full. Backup again after cleaning " + i + ".";
                case 1 -> "Printer queue stalls. Restart the spooler service and the printer will resume.";
                case 2 -> "Nothing about it here " + i + ". Another sentence. And a third one without the words.";
                default -> "The disk quota was reached. Backup of the share failed twice, then the backup ran.";
            });
        }
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory,
                        new IndexWriterConfig(IndexFields.perField()).setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < bodies.size(); i++) {
                Document document = new Document();
                document.add(new Field(BODY, bodies.get(i), IndexFields.BODY_TYPE));
                writer.addDocument(document);
                if (i % 7 == 6) {
                    writer.flush(); // several segments
                }
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                assertThat(reader.leaves().size(), greaterThan(3));
                IndexSearcher searcher = new IndexSearcher(reader);
                Query words = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(BODY, "backup")), Occur.SHOULD)
                        .add(new TermQuery(new Term(BODY, "disk")), Occur.SHOULD)
                        .add(new TermQuery(new Term(BODY, "printer")), Occur.SHOULD)
                        .add(new TermQuery(new Term(BODY, "absent")), Occur.SHOULD)
                        .build();
                int[] docs = { 35, 3, 0, 17, 4, 8, 39, 22, 1, 13, 30, 2 };
                String[] own = highlight(searcher, bodies, words, docs, false);
                String[] shared = highlight(searcher, bodies, words, docs, true);
                assertThat(shared, equalTo(own));
                assertThat(own[1], containsString("<b>backup</b>"));
            }
        }
    }

    private static String[] highlight(IndexSearcher searcher, List<String> bodies, Query words, int[] docs,
            boolean shared) throws IOException {
        UnifiedHighlighter highlighter = new UnifiedHighlighter(
                UnifiedHighlighter.builder(searcher, IndexFields.perField()).withWeightMatches(false)) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                    int cacheCharsThreshold) throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                    values.add(new CharSequence[] { bodies.get(doc) });
                }
                return values;
            }

            @Override
            protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
                if (shared) {
                    assertThat(source, equalTo(OffsetSource.POSTINGS));
                    assertThat(SnippetOffsets.applies(components), equalTo(true));
                    return new SnippetOffsets(components);
                }
                return super.getOffsetStrategy(source, components);
            }
        };
        Map<String, String[]> snippets = highlighter.highlightFields(new String[] { BODY }, words, docs,
                new int[] { 2 });
        return snippets.get(BODY);
    }
}
