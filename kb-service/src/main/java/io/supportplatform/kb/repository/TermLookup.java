package io.supportplatform.kb.repository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;

/**
 * One terms enum per segment and field for a whole query building or search, positioned anew for each word: a query
 * looks up dozens of words in the same few fields, and a fresh enum per lookup (as TermStates.build,
 * IndexReader.docFreq and a plain seek take) costs its frames and buffers each time (building a query's
 * {@code docFreq} checks alone allocated some 15 % of a search's bytes). Not for concurrent use: each thread
 * has its own ({@link #onThread}).
 */
final class TermLookup {

    private static final ThreadLocal<TermLookup> OF_THREAD = new ThreadLocal<>();

    private final IndexReader reader;
    private final List<Map<String, TermsEnum>> bySegment = new ArrayList<>();

    /**
     * The calling thread's lookup on this reader. Its enums serve one search after another for as long as the index
     * version stays (a search thread runs thousands of searches between two writes): a new enum allocates its
     * frames and arcs again on its first lookups, some 10 % of a never-seen search's bytes. A thread holds on to the
     * enums of the version it last searched until its next search (a few per search thread, a few kilobytes each).
     */
    static TermLookup onThread(IndexReader reader) {
        TermLookup lookup = OF_THREAD.get();
        if (lookup == null || lookup.reader != reader) {
            lookup = new TermLookup(reader); // the old version's enums go with it
            OF_THREAD.set(lookup);
        }
        return lookup;
    }

    private TermLookup(IndexReader reader) {
        this.reader = reader;
        for (int i = 0; i < reader.leaves().size(); i++) {
            bySegment.add(new HashMap<>());
        }
    }

    /** Whether some segment has the term (deleted articles included, as {@code IndexReader.docFreq} counts). */
    boolean has(Term term) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            if (seek(leaf, term) != null) {
                return true;
            }
        }
        return false;
    }

    /** The segment's enum positioned on the term, null when the segment does not have it. */
    TermsEnum seek(LeafReaderContext leaf, Term term) throws IOException {
        TermsEnum termsEnum = of(leaf, term.field());
        return termsEnum.seekExact(term.bytes()) ? termsEnum : null;
    }

    /** The segment's enum positioned on the term found before (its state: no new lookup). */
    TermsEnum seek(LeafReaderContext leaf, Term term, TermState state) throws IOException {
        TermsEnum termsEnum = of(leaf, term.field());
        termsEnum.seekExact(term.bytes(), state);
        return termsEnum;
    }

    private TermsEnum of(LeafReaderContext leaf, String field) throws IOException {
        Map<String, TermsEnum> enums = bySegment.get(leaf.ord);
        TermsEnum termsEnum = enums.get(field);
        if (termsEnum == null) {
            Terms terms = leaf.reader().terms(field);
            termsEnum = terms == null ? TermsEnum.EMPTY : terms.iterator();
            enums.put(field, termsEnum);
        }
        return termsEnum;
    }
}
