package io.supportplatform.kb.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
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

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What {@link ClauseSearch} reads from a segment again and again, kept per segment core (a segment's postings and
 * norms never change; deletions live apart, in the live docs, and are applied per search). Entries go with their
 * segment: the map holds the segments' cache keys weakly.
 * <ul>
 * <li>Norms (a text field's length per article) as a plain byte array: the per-language fields are sparse (a German
 * article has no English title), and looking a norm up in the sparse encoding was a fifth of an uncached search.</li>
 * <li>The articles of a filter value (e.g. customer-readable, 90 % of all), instead of reading its long posting list
 * for every search. Bounded per segment, since filter values come from requests.</li>
 * <li>The facet fields' values per article as ordinal arrays ({@link Ordinals}), and for a field with few values
 * the articles of each value as a bit set.</li>
 * <li>Long posting lists of words searched often, decoded once ({@link #addDocs}, {@link #postings}): a query's
 * words are mostly the common ones of the domain, each in thousands of articles, and decoding their posting lists
 * again for every query was most of the scoring's cost. Bounded by weight, to at most
 * {@link #HOT_BYTES_PER_ARTICLE} bytes per article of the segment; Caffeine drops the rarely and long unused first
 * (through the gateway with 100,000 articles: ~25 % less kb-service CPU per never-seen query, bench/kb-search
 * round 6).</li>
 * </ul>
 */
final class SegmentCache {

    private static final int MAX_FILTERS_PER_SEGMENT = 64;
    /** Facet values counted from a bit set each, up to this many per field (a set costs maxDoc / 8 bytes). */
    private static final int MAX_VALUE_SETS = 256;
    /** A posting list is decoded and kept once it holds this many articles (two blocks of postings). */
    static final int HOT_DOC_FREQ = 256;
    /** The kept posting lists' memory, per article of the segment: 25 MB at 100,000 articles. */
    static final int HOT_BYTES_PER_ARTICLE = 256;

    private static final Map<IndexReader.CacheKey, SegmentCache> SEGMENTS = Collections
            .synchronizedMap(new WeakHashMap<>());

    private final Map<String, byte[]> norms = new ConcurrentHashMap<>();
    private final Map<Term, FixedBitSet> filters = new ConcurrentHashMap<>();
    private final Map<String, Ordinals> ordinals = new ConcurrentHashMap<>();
    private final Cache<Term, FixedBitSet> hotSets;
    private final Cache<Term, Postings> hotPostings;

    /**
     * A keyword field's values per article as ordinals in two plain arrays (article {@code d} has
     * {@code ords[starts[d]] .. ords[starts[d + 1] - 1]}), and the value of each ordinal: counting facets over every
     * match reads arrays instead of advancing doc values three times per match.
     */
    record Ordinals(int[] starts, int[] ords, String[] values, FixedBitSet[] valueSets) {
    }

    /**
     * A posting list decoded: its articles in order, as a list ({@code docs}) or, when they are more than one in 32
     * of the segment, as a bit set over the segment ({@code docBits}, 8 times smaller at that density and
     * intersected with other sets a machine word at a time); how often the word occurs in each (the i-th article's
     * {@link #freq}, a byte each unless some article has more than 255); and the competitive (frequency, norm)
     * pairs, those no other posting beats in both (a higher frequency and a shorter text), as Lucene's impacts hold
     * them per block: a similarity scores no posting higher than its best pair.
     */
    static final class Postings {

        final int[] docs;
        final long[] docBits;
        private final byte[] smallFreqs;
        private final int[] freqs;
        final int[] competitiveFreqs;
        final byte[] competitiveNorms;

        private Postings(int[] docs, long[] docBits, byte[] smallFreqs, int[] freqs, int[] competitiveFreqs,
                byte[] competitiveNorms) {
            this.docs = docs;
            this.docBits = docBits;
            this.smallFreqs = smallFreqs;
            this.freqs = freqs;
            this.competitiveFreqs = competitiveFreqs;
            this.competitiveNorms = competitiveNorms;
        }

        /** How often the word occurs in the i-th article of the list. */
        int freq(int i) {
            return smallFreqs != null ? Byte.toUnsignedInt(smallFreqs[i]) : freqs[i];
        }

        int bytes() {
            return (docs != null ? docs.length * Integer.BYTES : docBits.length * Long.BYTES)
                    + (smallFreqs != null ? smallFreqs.length : freqs.length * Integer.BYTES);
        }
    }

    private SegmentCache(int maxDoc) {
        long budget = (long) maxDoc * HOT_BYTES_PER_ARTICLE / 2; // half for bit sets, half for decoded postings
        hotSets = Caffeine.newBuilder().maximumWeight(budget)
                .weigher((Term term, FixedBitSet bits) -> bits.getBits().length * Long.BYTES).build();
        hotPostings = Caffeine.newBuilder().maximumWeight(budget)
                .weigher((Term term, Postings postings) -> postings.bytes()).build();
    }

    static SegmentCache of(LeafReader reader) {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) {
            return new SegmentCache(reader.maxDoc()); // not cacheable: computed for this search only
        }
        return SEGMENTS.computeIfAbsent(helper.getKey(), key -> new SegmentCache(reader.maxDoc()));
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
        FixedBitSet[] valueSets = null;
        if (values.length <= MAX_VALUE_SETS) {
            valueSets = new FixedBitSet[values.length];
            for (int ord = 0; ord < values.length; ord++) {
                valueSets[ord] = new FixedBitSet(maxDoc);
            }
            for (int doc = 0; doc < maxDoc; doc++) {
                for (int i = starts[doc]; i < starts[doc + 1]; i++) {
                    valueSets[ords[i]].set(doc);
                }
            }
        }
        Ordinals built = new Ordinals(starts, Arrays.copyOf(ords, size), values, valueSets);
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

    /** Sets in {@code into} the articles of the term {@code positioned} is on (a long list from its kept bit set). */
    void addDocs(Term term, TermsEnum positioned, FixedBitSet into) throws IOException {
        if (positioned.docFreq() < HOT_DOC_FREQ) {
            into.or(positioned.postings(null, PostingsEnum.NONE));
            return;
        }
        into.or(hotSets.get(term, t -> {
            FixedBitSet bits = new FixedBitSet(into.length());
            try {
                bits.or(positioned.postings(null, PostingsEnum.NONE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bits;
        }));
    }

    /**
     * The term's posting list decoded, when it is long enough to be worth keeping; null for a short one (read it
     * from the index). {@code positioned} is on the term, {@code norms} are its field's (one per article of the
     * segment, so their count is the segment's size).
     */
    Postings postings(Term term, TermsEnum positioned, byte[] norms) throws IOException {
        if (positioned.docFreq() < HOT_DOC_FREQ) {
            return null;
        }
        Postings known = hotPostings.getIfPresent(term);
        if (known != null) {
            return known;
        }
        PostingsEnum postings = positioned.postings(null, PostingsEnum.FREQS);
        int size = positioned.docFreq();
        boolean dense = (long) size * 32 > norms.length;
        int[] docs = dense ? null : new int[size];
        FixedBitSet docBits = dense ? new FixedBitSet(norms.length) : null;
        int[] freqs = new int[size];
        int[] mostByNorm = new int[256];
        int most = 0;
        int n = 0;
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            int freq = postings.freq();
            if (dense) {
                docBits.set(doc);
            } else {
                docs[n] = doc;
            }
            freqs[n++] = freq;
            most = Math.max(most, freq);
            int norm = Byte.toUnsignedInt(norms[doc]);
            mostByNorm[norm] = Math.max(mostByNorm[norm], freq);
        }
        byte[] smallFreqs = null;
        if (most <= 255) {
            smallFreqs = new byte[size];
            for (int i = 0; i < size; i++) {
                smallFreqs[i] = (byte) freqs[i];
            }
            freqs = null;
        }
        // From the shortest texts up, a pair is competitive when its frequency beats every shorter text's.
        int[] competitiveFreqs = new int[256];
        byte[] competitiveNorms = new byte[256];
        int competitive = 0;
        for (int norm = 0, best = 0; norm < 256; norm++) {
            if (mostByNorm[norm] > best) {
                best = mostByNorm[norm];
                competitiveFreqs[competitive] = best;
                competitiveNorms[competitive++] = (byte) norm;
            }
        }
        Postings decoded = new Postings(docs, dense ? docBits.getBits() : null, smallFreqs, freqs,
                Arrays.copyOf(competitiveFreqs, competitive), Arrays.copyOf(competitiveNorms, competitive));
        hotPostings.put(term, decoded);
        return decoded;
    }
}
