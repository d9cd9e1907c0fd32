package io.supportplatform.kb.repository;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * What {@link ClauseSearch} reads from a segment again and again, kept per segment core (a segment's postings and
 * norms never change; deletions live apart, in the live docs, and are applied per search). Entries go with their
 * segment: the map holds the segments' cache keys weakly.
 * <ul>
 * <li>Norms (a text field's length per article) as a plain byte array: the per-language fields are sparse (a German
 * article has no English title), and looking a norm up in the sparse encoding was a fifth of an uncached search.</li>
 * <li>The articles of a filter value (e.g. customer-readable, 90 % of all), instead of reading its long posting list
 * for every search. Bounded per segment, since filter values come from requests.</li>
 * <li>The facet fields' values per article as ordinal arrays ({@link Ordinals}).</li>
 * </ul>
 */
final class SegmentCache {

    private static final int MAX_FILTERS_PER_SEGMENT = 64;

    private static final Map<IndexReader.CacheKey, SegmentCache> SEGMENTS = Collections
            .synchronizedMap(new WeakHashMap<>());

    private final Map<String, byte[]> norms = new ConcurrentHashMap<>();
    private final Map<Term, FixedBitSet> filters = new ConcurrentHashMap<>();
    private final Map<String, Ordinals> ordinals = new ConcurrentHashMap<>();

    /**
     * A keyword field's values per article as ordinals in two plain arrays (article {@code d} has
     * {@code ords[starts[d]] .. ords[starts[d + 1] - 1]}), and the value of each ordinal: counting facets over every
     * match reads arrays instead of advancing doc values three times per match.
     */
    record Ordinals(int[] starts, int[] ords, String[] values) {
    }

    static SegmentCache of(LeafReader reader) {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) {
            return new SegmentCache(); // not cacheable: computed for this search only
        }
        return SEGMENTS.computeIfAbsent(helper.getKey(), key -> new SegmentCache());
    }

    /** The field's norm per article (0 where the article has none), as BM25 reads it. */
    byte[] norms(LeafReader reader, String field) throws IOException {
        byte[] known = norms.get(field);
        if (known != null) {
            return known;
        }
        byte[] values = new byte[reader.maxDoc()];
        NumericDocValues stored = reader.getNormValues(field);
        if (stored == null) {
            Arrays.fill(values, (byte) 1); // a field without norms scores as if each article had norm 1
        } else {
            for (int doc = stored.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = stored.nextDoc()) {
                values[doc] = (byte) stored.longValue();
            }
        }
        norms.put(field, values);
        return values;
    }

    Ordinals ordinals(LeafReader reader, String field) throws IOException {
        Ordinals known = ordinals.get(field);
        if (known != null) {
            return known;
        }
        SortedSetDocValues docValues = DocValues.getSortedSet(reader, field);
        int maxDoc = reader.maxDoc();
        int[] starts = new int[maxDoc + 1];
        int[] ords = new int[maxDoc];
        int size = 0;
        for (int doc = 0; doc < maxDoc; doc++) {
            starts[doc] = size;
            if (docValues.advanceExact(doc)) {
                for (int n = docValues.docValueCount(); n > 0; n--) {
                    if (size == ords.length) {
                        ords = Arrays.copyOf(ords, size * 2 + 1);
                    }
                    ords[size++] = (int) docValues.nextOrd();
                }
            }
        }
        starts[maxDoc] = size;
        String[] values = new String[(int) docValues.getValueCount()];
        for (int ord = 0; ord < values.length; ord++) {
            values[ord] = docValues.lookupOrd(ord).utf8ToString();
        }
        Ordinals built = new Ordinals(starts, Arrays.copyOf(ords, size), values);
        ordinals.put(field, built);
        return built;
    }

    /** The articles with this keyword (deleted ones included: the caller applies the live docs). Do not modify. */
    FixedBitSet filter(LeafReader reader, Term term) throws IOException {
        FixedBitSet known = filters.get(term);
        if (known != null) {
            return known;
        }
        FixedBitSet bits = new FixedBitSet(reader.maxDoc());
        Terms terms = reader.terms(term.field());
        if (terms != null) {
            TermsEnum termsEnum = terms.iterator();
            if (termsEnum.seekExact(term.bytes())) {
                bits.or(termsEnum.postings(null, PostingsEnum.NONE));
            }
        }
        if (filters.size() < MAX_FILTERS_PER_SEGMENT) {
            filters.put(term, bits);
        }
        return bits;
    }
}
