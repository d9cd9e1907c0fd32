package io.supportplatform.kb.repository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.HitQueue;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * One search in two steps over bit sets, with the same matches and scores as the match query of
 * {@link SearchQueries} (see {@link SearchQueries.Clauses}):
 * <ol>
 * <li><b>Which articles match</b>, exactly: each word's posting lists OR-ed into a bit set, "at least n of the
 * words" counted 64 articles at a time (bit-sliced adder), phrases and filters AND-ed, deleted articles removed.
 * The total and the facet counts come from this set (facets exact, as the API promises).</li>
 * <li><b>Ranking</b>: only the matching articles are scored, article by article, each scored clause's iterator
 * advanced to them; the sums are formed like the query's nested scorers form them, so the scores are the same to
 * the bit (checked against Lucene's top 20 for 825 queries at 100,000 articles: same articles, order and scores).
 * A word in one field is scored with Lucene's BM25 scorer for it, but with norms from a plain array
 * ({@link SegmentCache}).
 * No block-max WAND bookkeeping (which skipped little here: the matching set is known, and many articles score
 * alike), and no minimum-should-match checks while scoring.</li>
 * </ol>
 * Was: a counting pass with the Lucene query (about 270 ns per matching article) plus a top-k pass with block-max
 * WAND over nested disjunctions (about 430 ns per matching article), together ~70 % of an uncached search.
 */
final class ClauseSearch {

    /** Bit planes of the per-article word count: up to 31 words (far above {@link SearchQueries#MAX_TERMS}). */
    private static final int PLANES = 5;
    /** Stands for "no filter": every article passes. */
    private static final FixedBitSet ALL = new FixedBitSet(0);

    record Result(long total, TopDocs top, Map<String, Map<String, Integer>> facets) {
    }

    private ClauseSearch() {
    }

    /** @param candidates how many of the best-scored matches to return (best first, ties by index order) */
    static Result search(IndexSearcher searcher, SearchQueries.Clauses clauses, int candidates, String[] facetFields)
            throws IOException {
        TermLookup lookup = new TermLookup(searcher);
        List<Scored> languages = new ArrayList<>();
        for (SearchQueries.LanguageClauses language : clauses.languages()) {
            languages.add(new Scored(searcher, language, lookup));
        }
        Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
        for (String field : facetFields) {
            facets.put(field, new TreeMap<>());
        }
        HitQueue best = new HitQueue(candidates, true);
        ScoreDoc weakest = best.top();
        long total = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FixedBitSet passing = passing(searcher, leaf, clauses.filters(), lookup);
            if (passing == null) {
                continue;
            }
            FixedBitSet all = new FixedBitSet(leaf.reader().maxDoc());
            for (int l = 0; l < languages.size(); l++) {
                Scored language = languages.get(l);
                FixedBitSet words = language.clauses.words().isEmpty() ? null
                        : words(searcher, leaf, language.clauses, lookup);
                FixedBitSet matches = language.clauses.phrases().isEmpty() ? words
                        : phrases(searcher, leaf, language, lookup);
                if (matches == null) {
                    continue;
                }
                if (passing != ALL) {
                    matches.and(passing);
                }
                removeDeleted(leaf.reader(), matches);
                all.or(matches);
                weakest = language.rank(leaf, matches, words, best, weakest);
            }
            total += all.cardinality();
            countFacets(leaf.reader(), all, facetFields, facets);
        }
        int size = (int) Math.min(total, candidates);
        while (best.size() > size) {
            best.pop(); // the unused placeholders (score -infinity) come first
        }
        ScoreDoc[] top = new ScoreDoc[size];
        for (int i = size - 1; i >= 0; i--) {
            top[i] = best.pop();
        }
        return new Result(total, new TopDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), top), facets);
    }

    /**
     * Articles of this segment that pass every filter (deleted ones included); {@link #ALL} without filters, null
     * when none pass. Do not modify: it may be the cached set of a filter.
     */
    private static FixedBitSet passing(IndexSearcher searcher, LeafReaderContext leaf, List<Query> filters,
            TermLookup lookup) throws IOException {
        LeafReader reader = leaf.reader();
        SegmentCache segment = SegmentCache.of(reader);
        FixedBitSet passing = ALL;
        for (Query filter : filters) {
            FixedBitSet bits = filter instanceof TermQuery term ? segment.filter(reader, term.getTerm())
                    : matching(searcher, leaf, filter, null, lookup);
            if (passing == ALL) {
                passing = bits;
            } else {
                passing = passing.clone(); // a cached set stays as it is
                passing.and(bits);
            }
        }
        return passing != ALL && passing.cardinality() == 0 ? null : passing;
    }

    /** Removes the deleted articles (deletions are not in the postings; they live in the live docs). */
    private static void removeDeleted(LeafReader reader, FixedBitSet matches) {
        Bits live = reader.getLiveDocs();
        if (live == null) {
            return;
        }
        for (int doc = matches.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = doc + 1 < matches.length() ? matches.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            if (!live.get(doc)) {
                matches.clear(doc);
            }
        }
    }

    /** Articles with at least {@code minimum} of the words (a word: any of its forms' matching clauses). */
    private static FixedBitSet words(IndexSearcher searcher, LeafReaderContext leaf,
            SearchQueries.LanguageClauses clauses, TermLookup lookup) throws IOException {
        int maxDoc = leaf.reader().maxDoc();
        List<long[]> words = new ArrayList<>();
        for (SearchQueries.Word word : clauses.words()) {
            FixedBitSet bits = new FixedBitSet(maxDoc);
            for (SearchQueries.Form form : word.forms()) {
                for (Query query : form.matching()) {
                    matching(searcher, leaf, query, bits, lookup);
                }
            }
            words.add(bits.getBits());
        }
        FixedBitSet atLeast = new FixedBitSet(maxDoc);
        long[] result = atLeast.getBits();
        int minimum = clauses.minimum();
        long[] planes = new long[PLANES];
        for (int i = 0; i < result.length; i++) {
            // Per article a count of its words, as 5 bit planes of 64 articles: add each word's bits (ripple carry),
            // then compare with the minimum from the highest plane down.
            Arrays.fill(planes, 0L);
            long any = 0;
            for (long[] word : words) {
                long carry = word[i];
                any |= carry;
                for (int p = 0; p < PLANES && carry != 0; p++) {
                    long both = planes[p] & carry;
                    planes[p] ^= carry;
                    carry = both;
                }
            }
            if (any == 0) {
                continue;
            }
            long greater = 0;
            long equal = -1L;
            for (int p = PLANES - 1; p >= 0; p--) {
                if ((minimum >> p & 1) != 0) {
                    equal &= planes[p];
                } else {
                    greater |= equal & planes[p];
                    equal &= ~planes[p];
                }
            }
            result[i] = greater | equal;
        }
        return atLeast;
    }

    /** Articles with every quoted phrase. */
    private static FixedBitSet phrases(IndexSearcher searcher, LeafReaderContext leaf, Scored language,
            TermLookup lookup) throws IOException {
        FixedBitSet all = null;
        for (Query phrase : language.clauses.phrases()) {
            FixedBitSet bits = matching(searcher, leaf, phrase, null, lookup);
            if (all == null) {
                all = bits;
            } else {
                all.and(bits);
            }
        }
        return all;
    }

    /**
     * Sets in {@code into} (a new set when null) the articles of this segment the query matches. A single term is
     * read straight from its posting list (no weight, no statistics).
     */
    private static FixedBitSet matching(IndexSearcher searcher, LeafReaderContext leaf, Query query,
            FixedBitSet into, TermLookup lookup) throws IOException {
        FixedBitSet bits = into != null ? into : new FixedBitSet(leaf.reader().maxDoc());
        if (query instanceof TermQuery termQuery) {
            TermsEnum termsEnum = lookup.seek(leaf, termQuery.getTerm());
            if (termsEnum != null) {
                bits.or(termsEnum.postings(null, PostingsEnum.NONE));
            }
            return bits;
        }
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Scorer scorer = weight.scorer(leaf);
        if (scorer != null) {
            bits.or(scorer.iterator());
        }
        return bits;
    }

    /** One pass over the matches (the bit set's words read directly) for all facet fields, not one per field. */
    private static void countFacets(LeafReader reader, FixedBitSet matches, String[] fields,
            Map<String, Map<String, Integer>> facets) throws IOException {
        SegmentCache segment = SegmentCache.of(reader);
        SegmentCache.Ordinals[] ordinals = new SegmentCache.Ordinals[fields.length];
        int[][] counts = new int[fields.length][];
        for (int f = 0; f < fields.length; f++) {
            ordinals[f] = segment.ordinals(reader, fields[f]);
            counts[f] = new int[ordinals[f].values().length];
        }
        long[] bits = matches.getBits();
        for (int w = 0; w < bits.length; w++) {
            for (long word = bits[w]; word != 0; word &= word - 1) {
                countOrdinals(w * 64 + Long.numberOfTrailingZeros(word), ordinals, counts);
            }
        }
        for (int f = 0; f < fields.length; f++) {
            Map<String, Integer> byValue = facets.get(fields[f]);
            for (int ord = 0; ord < counts[f].length; ord++) {
                if (counts[f][ord] > 0) {
                    byValue.merge(ordinals[f].values()[ord], counts[f][ord], Integer::sum);
                }
            }
        }
    }

    /** Adds one article's values to the counts of each facet field. */
    private static void countOrdinals(int doc, SegmentCache.Ordinals[] ordinals, int[][] counts) {
        for (int f = 0; f < ordinals.length; f++) {
            int[] starts = ordinals[f].starts();
            int[] ords = ordinals[f].ords();
            int[] counted = counts[f];
            for (int i = starts[doc]; i < starts[doc + 1]; i++) {
                counted[ords[i]]++;
            }
        }
    }

    /**
     * One terms enum per segment and field for the whole search, positioned anew for each word: a query looks up
     * dozens of words in the same few fields, and a fresh enum per lookup (as TermStates.build and a plain seek take)
     * costs its frames and buffers each time.
     */
    private static final class TermLookup {

        private final List<Map<String, TermsEnum>> bySegment = new ArrayList<>();

        TermLookup(IndexSearcher searcher) {
            for (int i = 0; i < searcher.getIndexReader().leaves().size(); i++) {
                bySegment.add(new HashMap<>());
            }
        }

        /** The segment's enum positioned on the term, null when the segment does not have it. */
        TermsEnum seek(LeafReaderContext leaf, Term term) throws IOException {
            Map<String, TermsEnum> enums = bySegment.get(leaf.ord);
            TermsEnum termsEnum = enums.get(term.field());
            if (termsEnum == null) {
                Terms terms = leaf.reader().terms(term.field());
                termsEnum = terms == null ? TermsEnum.EMPTY : terms.iterator();
                enums.put(term.field(), termsEnum);
            }
            return termsEnum.seekExact(term.bytes()) ? termsEnum : null;
        }
    }

    /** One language's clauses with their weights (statistics over the whole index, as the query has them). */
    private static final class Scored {

        final SearchQueries.LanguageClauses clauses;
        final Clause[] phrases;
        /** Per word, per form, the scored clauses. */
        final Clause[][][] words;
        /** Per word (in scoring order), the highest score the words after it can add. */
        final double[] boundAfter;
        final boolean flat;

        Scored(IndexSearcher searcher, SearchQueries.LanguageClauses clauses, TermLookup lookup) throws IOException {
            this.clauses = clauses;
            flat = clauses.minimum() <= 1;
            phrases = new Clause[clauses.phrases().size()];
            for (int i = 0; i < phrases.length; i++) {
                phrases[i] = Clause.of(searcher, clauses.phrases().get(i), lookup);
            }
            Clause[][][] unsorted = new Clause[clauses.words().size()][][];
            double[] bounds = new double[unsorted.length];
            for (int w = 0; w < unsorted.length; w++) {
                List<SearchQueries.Form> forms = clauses.words().get(w).forms();
                unsorted[w] = new Clause[forms.size()][];
                for (int f = 0; f < forms.size(); f++) {
                    List<Query> scored = forms.get(f).scored();
                    unsorted[w][f] = new Clause[scored.size()];
                    for (int c = 0; c < scored.size(); c++) {
                        Clause clause = Clause.of(searcher, scored.get(c), lookup);
                        unsorted[w][f][c] = clause;
                        bounds[w] += clause == null ? 0 : clause.maxScore();
                    }
                }
            }
            // Words with the highest possible score first (the sum does not depend on the order: a few floats add
            // exactly in double), so an article that cannot make the best few is given up after the first words.
            Integer[] order = new Integer[unsorted.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Double.compare(bounds[b], bounds[a]));
            Clause[][][] sorted = new Clause[unsorted.length][][];
            boundAfter = new double[unsorted.length];
            for (int i = 0; i < order.length; i++) {
                sorted[i] = unsorted[order[i]];
            }
            for (int i = order.length - 2; i >= 0; i--) {
                boundAfter[i] = boundAfter[i + 1] + bounds[order[i + 1]] * (1 + 1e-6);
            }
            words = sorted;
        }

        /**
         * Scores the matches of this segment and offers them to {@code best}. The sums mirror the query's scorers
         * after Lucene's rewrite, bit for bit: a disjunction adds its clauses in double and rounds to float once; a
         * word's forms are flattened into one disjunction, and so are all words when at most one must match; phrases
         * add as a conjunction, plus the words when enough of them match (required + optional).
         *
         * @param words the articles with enough words, null without word clauses
         * @return the weakest entry of {@code best} after this segment
         */
        ScoreDoc rank(LeafReaderContext leaf, FixedBitSet matches, FixedBitSet words, HitQueue best, ScoreDoc weakest)
                throws IOException {
            SegmentCache segment = SegmentCache.of(leaf.reader());
            Clause.Cursor[] phraseCursors = cursors(leaf, segment, phrases);
            Clause.Cursor[][][] wordCursors = new Clause.Cursor[this.words.length][][];
            for (int w = 0; w < wordCursors.length; w++) {
                wordCursors[w] = new Clause.Cursor[this.words[w].length][];
                for (int f = 0; f < wordCursors[w].length; f++) {
                    wordCursors[w][f] = cursors(leaf, segment, this.words[w][f]);
                }
            }
            int base = leaf.docBase;
            for (int doc = matches.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                    doc = doc + 1 < matches.length() ? matches.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                float score;
                if (phraseCursors.length == 0) {
                    score = wordsScore(wordCursors, doc, weakest.score);
                } else {
                    double required = 0;
                    for (Clause.Cursor phrase : phraseCursors) {
                        required += scoreAt(phrase, doc);
                    }
                    score = (float) required;
                    if (words != null && words.get(doc)) {
                        score += wordsScore(wordCursors, doc, Float.NEGATIVE_INFINITY);
                    }
                }
                // Index order within equal scores, like a top-scores collector: a later article must score higher.
                if (score > weakest.score) {
                    weakest.doc = base + doc;
                    weakest.score = score;
                    weakest = best.updateTop();
                }
            }
            return weakest;
        }

        /**
         * @param threshold the score to beat; once the words left cannot lift the article above it, scoring stops
         * @return the words' score, or -infinity when the article cannot beat the threshold
         */
        private float wordsScore(Clause.Cursor[][][] words, int doc, float threshold) throws IOException {
            double sum = 0;
            for (int w = 0; w < words.length; w++) {
                double word = 0;
                for (Clause.Cursor[] form : words[w]) {
                    for (Clause.Cursor clause : form) {
                        word += scoreAt(clause, doc);
                    }
                }
                sum += flat ? word : (float) word;
                if ((sum + boundAfter[w]) * (1 + 1e-6) <= threshold) { // margin for the rounding to float
                    return Float.NEGATIVE_INFINITY;
                }
            }
            return (float) sum;
        }

        /** The clause's score for this article, 0 when it does not match it (cursors only move forward). */
        private static float scoreAt(Clause.Cursor cursor, int doc) throws IOException {
            if (cursor == null) {
                return 0;
            }
            int at = cursor.docID();
            if (at < doc) {
                at = cursor.advance(doc);
            }
            return at == doc ? cursor.score() : 0;
        }

        private static Clause.Cursor[] cursors(LeafReaderContext leaf, SegmentCache segment, Clause[] clauses)
                throws IOException {
            Clause.Cursor[] cursors = new Clause.Cursor[clauses.length];
            for (int i = 0; i < clauses.length; i++) {
                cursors[i] = clauses[i] == null ? null : clauses[i].cursor(leaf, segment);
            }
            return cursors;
        }
    }

    /** A scored clause of the query; null when it matches nothing in the index. */
    private interface Clause {

        /** Walks the clause's matches in one segment, forward only. */
        interface Cursor {
            int docID();

            int advance(int target) throws IOException;

            float score() throws IOException;
        }

        /** Null when nothing in this segment matches. */
        Cursor cursor(LeafReaderContext leaf, SegmentCache segment) throws IOException;

        /** No article scores more on this clause. */
        double maxScore();

        static Clause of(IndexSearcher searcher, Query query, TermLookup lookup) throws IOException {
            Query rewritten = searcher.rewrite(query);
            float boost = 1f;
            if (rewritten instanceof BoostQuery boosted) {
                boost = boosted.getBoost();
                rewritten = boosted.getQuery();
            }
            if (rewritten instanceof TermQuery term) {
                return TermClause.of(searcher, term.getTerm(), boost, lookup);
            }
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
            return new Clause() {
                @Override
                public double maxScore() {
                    return Double.POSITIVE_INFINITY; // not bounded here: such a word is always scored
                }

                @Override
                public Cursor cursor(LeafReaderContext leaf, SegmentCache segment) throws IOException {
                    Scorer scorer = weight.scorer(leaf);
                    if (scorer == null) {
                        return null;
                    }
                    DocIdSetIterator iterator = scorer.iterator();
                    return new Cursor() {
                        @Override
                        public int docID() {
                            return iterator.docID();
                        }

                        @Override
                        public int advance(int target) throws IOException {
                            return iterator.advance(target);
                        }

                        @Override
                        public float score() throws IOException {
                            return scorer.score();
                        }
                    };
                }
            };
        }
    }

    /**
     * A word in one field, scored exactly as Lucene's TermQuery scores it (same BM25 scorer from the same index
     * statistics, {@code score(freq, norm)}), but with the norm read from {@link SegmentCache}'s plain array.
     */
    private record TermClause(Term term, TermStates states, SimScorer similarity) implements Clause {

        /** The term's statistics gathered as {@code TermStates.build} gathers them, with the search's terms enums. */
        static TermClause of(IndexSearcher searcher, Term term, float boost, TermLookup lookup) throws IOException {
            TermStates states = new TermStates(searcher.getTopReaderContext());
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                TermsEnum termsEnum = lookup.seek(leaf, term);
                if (termsEnum != null) {
                    states.register(termsEnum.termState(), leaf.ord, termsEnum.docFreq(), termsEnum.totalTermFreq());
                }
            }
            if (states.docFreq() == 0) {
                return null;
            }
            SimScorer similarity = searcher.getSimilarity().scorer(boost, searcher.collectionStatistics(term.field()),
                    searcher.termStatistics(term, states.docFreq(), states.totalTermFreq()));
            return new TermClause(term, states, similarity);
        }

        /** BM25 approaches its weight as the frequency grows, whatever the length. */
        @Override
        public double maxScore() {
            return similarity.score(Float.MAX_VALUE, 1L);
        }

        @Override
        public Cursor cursor(LeafReaderContext leaf, SegmentCache segment) throws IOException {
            TermState state = states.get(leaf);
            if (state == null) {
                return null;
            }
            TermsEnum termsEnum = leaf.reader().terms(term.field()).iterator();
            termsEnum.seekExact(term.bytes(), state);
            PostingsEnum postings = termsEnum.postings(null, PostingsEnum.FREQS);
            byte[] norms = segment.norms(leaf.reader(), term.field());
            return new Cursor() {
                @Override
                public int docID() {
                    return postings.docID();
                }

                @Override
                public int advance(int target) throws IOException {
                    return postings.advance(target);
                }

                @Override
                public float score() throws IOException {
                    return similarity.score(postings.freq(), norms[postings.docID()]);
                }
            };
        }
    }
}
