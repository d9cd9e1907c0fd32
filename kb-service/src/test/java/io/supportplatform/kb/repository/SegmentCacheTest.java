package io.supportplatform.kb.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * A kept posting list holds exactly the index's postings, however it is kept: a list of articles or a bit set (more
 * than one article in 32 of the segment), one byte per frequency or, with a frequency over 255, an int.
 */
class SegmentCacheTest {

    private static final int ARTICLES = 20_000;

    @Test
    void keptListsHoldTheIndexPostings() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                for (int i = 0; i < ARTICLES; i++) {
                    StringBuilder text = new StringBuilder("filler");
                    if (i % 64 == 0) { // 313 articles: long enough to keep, sparse
                        text.append(" sparse".repeat(1 + i % 3));
                    }
                    if (i % 3 == 0) { // dense
                        text.append(" dense".repeat(1 + i % 5));
                    }
                    if (i % 1000 == 0) { // 20 articles: too few to keep
                        text.append(" rare");
                    }
                    if (i % 5 == 0) { // dense, and once more than a byte can count
                        text.append(" frequent".repeat(i == 500 ? 300 : 2));
                    }
                    Document article = new Document();
                    article.add(new TextField("body", text.toString(), Field.Store.NO));
                    writer.addDocument(article);
                }
                writer.forceMerge(1);
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                LeafReader segment = reader.leaves().get(0).reader();
                SegmentCache cache = SegmentCache.of(segment);
                byte[] norms = cache.norms(segment, "body");
                assertThat(kept(cache, segment, norms, "sparse").docs, notNullValue());
                assertThat(kept(cache, segment, norms, "dense").docBits, notNullValue());
                for (String word : List.of("sparse", "dense", "frequent")) {
                    TermsEnum termsEnum = positioned(segment, word);
                    SegmentCache.Postings kept = kept(cache, segment, norms, word);
                    assertThat(word, postings(kept), equalTo(postings(termsEnum.postings(null, PostingsEnum.FREQS))));
                }
                assertThat("a short list is not kept", kept(cache, segment, norms, "rare"), nullValue());
            }
        }
    }

    private static SegmentCache.Postings kept(SegmentCache cache, LeafReader segment, byte[] norms, String word)
            throws IOException {
        return cache.postings(new Term("body", word), positioned(segment, word), norms);
    }

    private static TermsEnum positioned(LeafReader segment, String word) throws IOException {
        TermsEnum termsEnum = segment.terms("body").iterator();
        assertThat(word, termsEnum.seekExact(new Term("body", word).bytes()), equalTo(true));
        return termsEnum;
    }

    /** "article:frequency" per posting of the kept list. */
    private static List<String> postings(SegmentCache.Postings kept) {
        List<String> postings = new ArrayList<>();
        if (kept.docs != null) {
            for (int i = 0; i < kept.docs.length; i++) {
                postings.add(kept.docs[i] + ":" + kept.freq(i));
            }
            return postings;
        }
        int i = 0;
        for (int w = 0; w < kept.docBits.length; w++) {
            for (long word = kept.docBits[w]; word != 0; word &= word - 1) {
                postings.add((w * 64 + Long.numberOfTrailingZeros(word)) + ":" + kept.freq(i++));
            }
        }
        return postings;
    }

    private static List<String> postings(PostingsEnum list) throws IOException {
        List<String> postings = new ArrayList<>();
        for (int doc = list.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = list.nextDoc()) {
            postings.add(doc + ":" + list.freq());
        }
        return postings;
    }
}
