package io.supportplatform.kb.repository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
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
 * <li><b>Ranking</b>: only the matching articles are scored, clause by clause (each clause's posting list read
 * straight through, long ones kept decoded by {@link SegmentCache}); the sums are formed
 * like the query's nested scorers form them, so the scores are the same to the bit (checked against Lucene's top
 * 20 for 825 queries at 100,000 articles: same articles, order and scores). A word in one field is scored with
 * Lucene's BM25 scorer for it, but with norms from a plain array ({@link SegmentCache}). Without phrases, the words
 * whose highest possible scores cannot lift an article into the best any more are scored for the remaining
 * candidates only (max-score pruning, see {@link Scored#rankWords}); no block-max bookkeeping (many articles score
 * alike here), and no minimum-should-match checks while scoring.</li>
 * </ol>
 * Was: a counting pass with the Lucene query (about 270 ns per matching article) plus a top-k pass with block-max
 * WAND over nested disjunctions (about 430 ns per matching article), together ~70 % of an uncached search.
 */
final class ClauseSearch {

    /** Bit planes of the per-article word count: up to 31 words (far above {@link SearchQueries#MAX_TERMS}). */
    private static final int PLANES = 5;
    /** Stands for "no filter": every article passes. */
    private static final FixedBitSet ALL = new FixedBitSet(0);

    /** {@code pruned}: some matches were left unscored, since they could not make the best (see rankWords). */
    record Result(long total, TopDocs top, Map<String, Map<String, Integer>> facets, boolean pruned) {
    }

    private ClauseSearch() {
    }

    /** @param candidates how many of the best-scored matches to return (best first, ties by index order) */
    static Result search(IndexSearcher searcher, SearchQueries.Clauses clauses, int candidates, String[] facetFields)
            throws IOException {
        Scratch scratch = new Scratch();
        try {
            return search(searcher, clauses, candidates, facetFields, scratch);
        } finally {
            scratch.giveBack();
        }
    }

    private static Result search(IndexSearcher searcher, SearchQueries.Clauses clauses, int candidates,
            String[] facetFields, Scratch scratch) throws IOException {
        TermLookup lookup = TermLookup.onThread(searcher.getIndexReader());
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
            FixedBitSet passing = passing(searcher, leaf, clauses.filters(), lookup, scratch);
            if (passing == null) {
                continue;
            }
            FixedBitSet all = scratch.bits(leaf.reader().maxDoc());
            for (int l = 0; l < languages.size(); l++) {
                Scored language = languages.get(l);
                FixedBitSet words = language.clauses.words().isEmpty() ? null
                        : words(searcher, leaf, language.clauses, lookup, scratch);
                FixedBitSet matches = language.clauses.phrases().isEmpty() ? words
                        : phrases(searcher, leaf, language, lookup, scratch);
                if (matches == null) {
                    continue;
                }
                if (passing != ALL) {
                    matches.and(passing);
                }
                removeDeleted(leaf.reader(), matches);
                all.or(matches);
                weakest = language.rank(leaf, matches, words, best, weakest, scratch);
            }
            long matching = all.cardinality();
            total += matching;
            countFacets(leaf.reader(), all, matching, facetFields, facets);
        }
        int size = (int) Math.min(total, candidates);
        while (best.size() > size) {
            best.pop(); // the unused placeholders (score -infinity) come first
        }
        ScoreDoc[] top = new ScoreDoc[size];
        for (int i = size - 1; i >= 0; i--) {
            top[i] = best.pop();
        }
        boolean pruned = languages.stream().anyMatch(language -> language.pruned);
        return new Result(total, new TopDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), top), facets, pruned);
    }

    /**
     * Articles of this segment that pass every filter (deleted ones included); {@link #ALL} without filters, null
     * when none pass. Do not modify: it may be the cached set of a filter.
     */
    private static FixedBitSet passing(IndexSearcher searcher, LeafReaderContext leaf, List<Query> filters,
            TermLookup lookup, Scratch scratch) throws IOException {
        LeafReader reader = leaf.reader();
        SegmentCache segment = SegmentCache.of(reader);
        FixedBitSet passing = ALL;
        for (Query filter : filters) {
            FixedBitSet bits = filter instanceof TermQuery term ? segment.filter(reader, term.getTerm())
                    : matching(searcher, leaf, filter, scratch.bits(reader.maxDoc()), lookup);
            if (passing == ALL) {
                passing = bits;
            } else {
                FixedBitSet both = scratch.bits(reader.maxDoc()); // a cached set stays as it is
                both.or(passing);
                passing = both;
                passing.and(bits);
            }
        }
        return passing != ALL && passing.nextSetBit(0) == DocIdSetIterator.NO_MORE_DOCS ? null : passing;
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
            SearchQueries.LanguageClauses clauses, TermLookup lookup, Scratch scratch) throws IOException {
        int maxDoc = leaf.reader().maxDoc();
        // An array, not a list: the loop below runs once per 64 articles, and the list's iterator was not optimised
        // away in the service (a new iterator each time, 7 % of a search).
        long[][] words = new long[clauses.words().size()][];
        for (int w = 0; w < words.length; w++) {
            FixedBitSet bits = scratch.bits(maxDoc);
            for (SearchQueries.Form form : clauses.words().get(w).forms()) {
                for (Query query : form.matching()) {
                    matching(searcher, leaf, query, bits, lookup);
                }
            }
            words[w] = bits.getBits();
        }
        FixedBitSet atLeast = scratch.bits(maxDoc);
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
            TermLookup lookup, Scratch scratch) throws IOException {
        FixedBitSet all = null;
        for (Query phrase : language.clauses.phrases()) {
            FixedBitSet bits = matching(searcher, leaf, phrase, scratch.bits(leaf.reader().maxDoc()), lookup);
            if (all == null) {
                all = bits;
            } else {
                all.and(bits);
            }
        }
        return all;
    }

    /**
     * Sets in {@code bits} the articles of this segment the query matches. A single term is read straight from its
     * posting list (no weight, no statistics).
     */
    private static FixedBitSet matching(IndexSearcher searcher, LeafReaderContext leaf, Query query,
            FixedBitSet bits, TermLookup lookup) throws IOException {
        if (query instanceof TermQuery termQuery) {
            TermsEnum termsEnum = lookup.seek(leaf, termQuery.getTerm());
            if (termsEnum != null) {
                SegmentCache.of(leaf.reader()).addDocs(termQuery.getTerm(), termsEnum, bits);
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

    /**
     * Counts the matches' values of each facet field. A field with few values is counted value by value, as the
     * size of the intersection of the matches with the value's articles (a few thousand machine words each), when
     * that is cheaper than reading every match's values; the other fields in one pass over the matches.
     */
    private static void countFacets(LeafReader reader, FixedBitSet matches, long matching, String[] fields,
            Map<String, Map<String, Integer>> facets) throws IOException {
        SegmentCache segment = SegmentCache.of(reader);
        long words = matches.getBits().length;
        List<SegmentCache.Ordinals> perMatch = new ArrayList<>();
        List<int[]> perMatchCounts = new ArrayList<>();
        List<String> perMatchFields = new ArrayList<>();
        for (String field : fields) {
            SegmentCache.Ordinals ordinals = segment.ordinals(reader, field);
            FixedBitSet[] sets = ordinals.valueSets();
            Map<String, Integer> byValue = facets.get(field);
            // An intersection count costs about a quarter of reading one match's values per machine word.
            if (sets != null && sets.length * words < 4 * matching) {
                for (int ord = 0; ord < sets.length; ord++) {
                    long count = FixedBitSet.intersectionCount(matches, sets[ord]);
                    if (count > 0) {
                        byValue.merge(ordinals.values()[ord], (int) count, Integer::sum);
                    }
                }
            } else {
                perMatch.add(ordinals);
                perMatchCounts.add(new int[ordinals.values().length]);
                perMatchFields.add(field);
            }
        }
        if (perMatch.isEmpty()) {
            return;
        }
        SegmentCache.Ordinals[] ordinals = perMatch.toArray(SegmentCache.Ordinals[]::new);
        int[][] counts = perMatchCounts.toArray(int[][]::new);
        long[] bits = matches.getBits();
        for (int w = 0; w < bits.length; w++) {
            for (long word = bits[w]; word != 0; word &= word - 1) {
                countOrdinals(w * 64 + Long.numberOfTrailingZeros(word), ordinals, counts);
            }
        }
        for (int f = 0; f < ordinals.length; f++) {
            Map<String, Integer> byValue = facets.get(perMatchFields.get(f));
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
     * The bit sets of one search, taken from a pool and given back when it ends: a search needs a dozen or more sets
     * of a bit per article (12.5 KB each at 100,000 articles), and every young collection pauses the requests in
     * flight (in-process over 1,500 never-seen queries, five times: ~18 % fewer young collections). None outlives
     * its search.
     */
    private static final class Scratch {

        /** Some searches' worth: more are allocated when many run at once, and dropped after. */
        private static final int POOLED = 128;
        private static final ConcurrentLinkedQueue<FixedBitSet> POOL = new ConcurrentLinkedQueue<>();
        private static final AtomicInteger POOL_SIZE = new AtomicInteger();

        private final List<FixedBitSet> taken = new ArrayList<>();

        /** An empty set of {@code maxDoc} bits. */
        FixedBitSet bits(int maxDoc) {
            FixedBitSet bits = POOL.poll();
            if (bits != null) {
                POOL_SIZE.decrementAndGet();
            }
            if (bits == null || bits.length() != maxDoc) {
                bits = new FixedBitSet(maxDoc); // a pooled set of another segment's size is left to the collector
            } else {
                Arrays.fill(bits.getBits(), 0L);
            }
            taken.add(bits);
            return bits;
        }

        void giveBack() {
            for (FixedBitSet bits : taken) {
                if (POOL_SIZE.incrementAndGet() > POOLED) {
                    POOL_SIZE.decrementAndGet();
                    return;
                }
                POOL.offer(bits);
            }
        }
    }

    /** One language's clauses with their weights (statistics over the whole index, as the query has them). */
    private static final class Scored {

        final SearchQueries.LanguageClauses clauses;
        final Clause[] phrases;
        /** Per word, its forms' scored clauses in one list (a word's forms add up as one disjunction). */
        final Clause[][] words;
        final boolean flat;
        /** Whether a ranking left matches unscored (see {@link #rankWords}). */
        boolean pruned;

        Scored(IndexSearcher searcher, SearchQueries.LanguageClauses clauses, TermLookup lookup) throws IOException {
            this.clauses = clauses;
            flat = clauses.minimum() <= 1;
            phrases = new Clause[clauses.phrases().size()];
            for (int i = 0; i < phrases.length; i++) {
                phrases[i] = Clause.of(searcher, clauses.phrases().get(i), lookup);
            }
            words = new Clause[clauses.words().size()][];
            for (int w = 0; w < words.length; w++) {
                List<Clause> scored = new ArrayList<>();
                for (SearchQueries.Form form : clauses.words().get(w).forms()) {
                    for (Query query : form.scored()) {
                        Clause clause = Clause.of(searcher, query, lookup);
                        if (clause != null) {
                            scored.add(clause);
                        }
                    }
                }
                words[w] = scored.toArray(Clause[]::new);
            }
        }

        /**
         * Scores the matches of this segment and offers them to {@code best}. The sums mirror the query's scorers
         * after Lucene's rewrite, bit for bit: a disjunction adds its clauses in double and rounds to float once; a
         * word's forms are flattened into one disjunction, and so are all words when at most one must match; phrases
         * add as a conjunction, plus the words when enough of them match (required + optional).
         * <p>
         * The words are scored clause by clause ({@link Sums}): each clause's posting list read straight through,
         * its score added for the matches among them. Advancing every clause to every match instead (article by
         * article) spent most of its time finding the article in the clause's block of postings. The order of the
         * additions does not change a sum: a few floats add exactly in double. (Windows of 1,024 to 16,384 articles,
         * to keep the sums in the processor's cache, measured no faster.)
         *
         * @param words the articles with enough words, null without word clauses
         * @return the weakest entry of {@code best} after this segment
         */
        ScoreDoc rank(LeafReaderContext leaf, FixedBitSet matches, FixedBitSet words, HitQueue best, ScoreDoc weakest,
                Scratch scratch) throws IOException {
            SegmentCache segment = SegmentCache.of(leaf.reader());
            if (phrases.length == 0 && words != null) {
                return rankWords(leaf, segment, matches, best, weakest, scratch);
            }
            FixedBitSet scored = words == null ? null : phrases.length == 0 ? matches : and(matches, words, scratch);
            Sums sums = Sums.take(leaf.reader().maxDoc(), flat);
            if (scored != null) {
                for (Clause[] word : this.words) {
                    for (Clause clause : word) {
                        clause.addScores(leaf, segment, scored, sums);
                    }
                    sums.endWord();
                }
            }
            Clause.Cursor[] phraseCursors = new Clause.Cursor[phrases.length];
            for (int i = 0; i < phrases.length; i++) {
                phraseCursors[i] = phrases[i] == null ? null : phrases[i].cursor(leaf, segment);
            }
            double[] total = sums.total;
            int base = leaf.docBase;
            for (int doc = matches.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                    doc = doc + 1 < matches.length() ? matches.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                float score;
                if (phraseCursors.length == 0) {
                    score = (float) total[doc];
                } else {
                    double required = 0;
                    for (Clause.Cursor phrase : phraseCursors) {
                        required += scoreAt(phrase, doc);
                    }
                    score = (float) required;
                    if (scored != null && scored.get(doc)) {
                        score += (float) total[doc];
                    }
                }
                total[doc] = 0;
                // Index order within equal scores, like a top-scores collector: a later article must score higher.
                if (score > weakest.score) {
                    weakest.doc = base + doc;
                    weakest.score = score;
                    weakest = best.updateTop();
                }
            }
            sums.giveBack(); // only after a complete search: every entry is 0 again
            return weakest;
        }

        /**
         * Ranks matches by their words alone (no phrases), skipping what cannot reach the best {@code best.size()}:
         * the words are scored from the one with the highest possible score ({@link Clause#bound}, a rare word)
         * down. Once the words left could not lift an article that none of the words so far matched above the
         * weakest of the best (at least that many articles already score more), the remaining words are scored for
         * the articles that still can make it (candidates) only: the common words, whose lists are the longest,
         * mostly come last. The candidates get exactly the scores of a full pass, and articles left out score below
         * the best, so the best are the same, in the same order. (In-process, over 1,500 never-seen queries at
         * 100,000 articles: ~7 % less search time, identical results.)
         */
        private ScoreDoc rankWords(LeafReaderContext leaf, SegmentCache segment, FixedBitSet matches, HitQueue best,
                ScoreDoc weakest, Scratch scratch) throws IOException {
            int count = words.length;
            double[] bounds = new double[count];
            int[] order = new int[count];
            for (int w = 0; w < count; w++) {
                double bound = 0;
                for (Clause clause : words[w]) {
                    bound += clause.bound(leaf, segment);
                }
                bounds[w] = flat ? bound : (float) bound; // a word's sum is rounded to float, so is its bound
                order[w] = w;
            }
            sortByBoundDescending(order, bounds);
            // rest[i]: the most the words order[i..] can add (infinite when a clause has no bound)
            double[] rest = new double[count + 1];
            for (int i = count - 1; i >= 0; i--) {
                rest[i] = rest[i + 1] + bounds[order[i]];
            }
            int wanted = best.size();
            Sums sums = Sums.take(leaf.reader().maxDoc(), flat);
            for (int i = 0; i < count; i++) {
                for (Clause clause : words[order[i]]) {
                    clause.addScores(leaf, segment, matches, sums);
                }
                sums.endWord();
                double remaining = rest[i + 1];
                // Only worth a look when what is left weighs less than what was scored.
                if (i + 1 < count && remaining < rest[0] - remaining) {
                    float floor = sums.kthLargestTotal(wanted);
                    if (beaten(remaining, floor, weakest)) {
                        pruned = true;
                        ScoreDoc weakestAfter = rankCandidates(leaf, segment, sums, i + 1, order, rest, floor, best,
                                weakest, scratch.bits(leaf.reader().maxDoc()));
                        sums.giveBack();
                        return weakestAfter;
                    }
                }
            }
            weakest = offerAll(leaf.docBase, matches, sums.total, best, weakest);
            sums.giveBack(); // only after a complete search: every entry is 0 again
            return weakest;
        }

        /**
         * Scores the words {@code order[from..]} for the articles that can still make the best: those the words
         * before matched (in {@code sums}) whose score so far plus what is left could beat {@code floor} (at least
         * {@code best.size()} articles score that or more) and the weakest of the best. Each word's posting lists are
         * still read through, but only the candidates' scores are computed and added, and the candidates thin out
         * word by word as the floor rises.
         */
        private ScoreDoc rankCandidates(LeafReaderContext leaf, SegmentCache segment, Sums sums, int from,
                int[] order, double[] rest, float floor, HitQueue best, ScoreDoc weakest, FixedBitSet candidates)
                throws IOException {
            double[] total = sums.total;
            sums.keepCandidates(candidates, rest[from], floor, weakest);
            for (int i = from; i < order.length; i++) {
                for (Clause clause : words[order[i]]) {
                    clause.addScores(leaf, segment, candidates, sums);
                }
                sums.endWord();
                floor = Math.max(floor, sums.kthLargestTotal(best.size()));
                sums.keepCandidates(candidates, rest[i + 1], floor, weakest);
            }
            return offerAll(leaf.docBase, candidates, total, best, weakest);
        }

        /**
         * Whether an article scoring at most {@code most} cannot enter the best: {@code floor} is reached by enough
         * articles of this segment to fill them, and the weakest of the best must be beaten. The margin covers the
         * rounding of sums formed in another order.
         */
        private static boolean beaten(double most, float floor, ScoreDoc weakest) {
            double atMost = most * (1 + 1e-6);
            return atMost < floor || atMost <= weakest.score;
        }

        private static void sortByBoundDescending(int[] order, double[] bounds) {
            for (int i = 1; i < order.length; i++) { // a few words: insertion sort
                int w = order[i];
                int j = i;
                for (; j > 0 && bounds[order[j - 1]] < bounds[w]; j--) {
                    order[j] = order[j - 1];
                }
                order[j] = w;
            }
        }

        /** Offers every match with its sum, in index order, and leaves the sums 0. */
        private static ScoreDoc offerAll(int base, FixedBitSet matches, double[] total, HitQueue best,
                ScoreDoc weakest) {
            for (int doc = matches.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                    doc = doc + 1 < matches.length() ? matches.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                float score = (float) total[doc];
                total[doc] = 0;
                // Index order within equal scores, like a top-scores collector: a later article must score higher.
                if (score > weakest.score) {
                    weakest.doc = base + doc;
                    weakest.score = score;
                    weakest = best.updateTop();
                }
            }
            return weakest;
        }

        private static FixedBitSet and(FixedBitSet a, FixedBitSet b, Scratch scratch) {
            FixedBitSet both = scratch.bits(a.length());
            both.or(a);
            both.and(b);
            return both;
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
    }

    /**
     * Per-article score sums of one segment's search, kept between searches (a pool: as many as searches ran at
     * once), since allocating and zeroing them for 100,000 articles per search would cost more than using them.
     * {@code total} holds the words' sum per article, {@code word} the current word's before it is rounded to float
     * (when enough words must match, each word is a disjunction of its own, as in the query); entries are left 0.
     */
    static final class Sums {

        private static final ConcurrentLinkedQueue<Sums> POOL = new ConcurrentLinkedQueue<>();

        double[] total;
        private double[] word;
        /** The articles whose {@code word} entry is set, in the order first set. */
        private int[] touched;
        private int touchedCount;
        /** The articles whose {@code total} entry is set, in the order first set. */
        int[] touchedTotal;
        int touchedTotalCount;
        private boolean flat;

        private Sums(int size) {
            total = new double[size];
            word = new double[size];
            touched = new int[size + 1]; // + 1: see add
            touchedTotal = new int[size + 1];
        }

        static Sums take(int maxDoc, boolean flat) {
            Sums sums = POOL.poll();
            if (sums == null || sums.total.length < maxDoc) {
                sums = new Sums(maxDoc);
            }
            sums.flat = flat;
            return sums;
        }

        void giveBack() {
            touchedTotalCount = 0;
            POOL.offer(this);
        }

        /**
         * Keeps as candidates the articles with a total that, plus {@code remaining}, can still make the best (see
         * {@link Scored#beaten}); the others leave {@code candidates} and get total 0.
         */
        void keepCandidates(FixedBitSet candidates, double remaining, float floor, ScoreDoc weakest) {
            int kept = 0;
            for (int i = 0; i < touchedTotalCount; i++) {
                int doc = touchedTotal[i];
                if (Scored.beaten(total[doc] + remaining, floor, weakest)) {
                    candidates.clear(doc);
                    total[doc] = 0;
                } else {
                    candidates.set(doc);
                    touchedTotal[kept++] = doc;
                }
            }
            touchedTotalCount = kept;
        }

        /** The k-th largest total, as a float score; negative infinity when fewer articles have one. */
        float kthLargestTotal(int k) {
            float[] heap = new float[k];
            int size = 0;
            for (int i = 0; i < touchedTotalCount; i++) {
                size = offer(heap, size, (float) total[touchedTotal[i]]);
            }
            return size < k ? Float.NEGATIVE_INFINITY : heap[0];
        }

        /** Adds a clause's score for an article (clauses of the current word; flat: no word rounding). */
        void add(int doc, float score) {
            // The article is written at the end of the list each time, and the list grows only when it is new (its
            // sum still 0: scores are positive): a select instead of a branch the processor would often mispredict.
            if (flat) {
                double sum = total[doc];
                touchedTotal[touchedTotalCount] = doc;
                touchedTotalCount += sum == 0 ? 1 : 0;
                total[doc] = sum + score;
                return;
            }
            double sum = word[doc];
            touched[touchedCount] = doc;
            touchedCount += sum == 0 ? 1 : 0;
            word[doc] = sum + score;
        }

        /** Ends the current word: its sum, rounded to float, joins the total (flat: it is there already). */
        void endWord() {
            for (int i = 0; i < touchedCount; i++) {
                int doc = touched[i];
                double sum = total[doc];
                touchedTotal[touchedTotalCount] = doc;
                touchedTotalCount += sum == 0 ? 1 : 0;
                total[doc] = sum + (float) word[doc];
                word[doc] = 0;
            }
            touchedCount = 0;
        }
    }

    /**
     * Offers a value to a min-heap of at most {@code heap.length} values (the largest offered), root first.
     *
     * @return the heap's size after
     */
    private static int offer(float[] heap, int size, float value) {
        int i;
        if (size < heap.length) {
            i = size++;
            while (i > 0 && heap[(i - 1) / 2] > value) { // up from the new leaf
                heap[i] = heap[(i - 1) / 2];
                i = (i - 1) / 2;
            }
        } else if (value > heap[0]) {
            i = 0;
            while (true) { // down from the replaced root
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && heap[child + 1] < heap[child]) {
                    child++;
                }
                if (heap[child] >= value) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
        } else {
            return size;
        }
        heap[i] = value;
        return size;
    }

    /** A scored clause of the query; null when it matches nothing in the index. */
    private interface Clause {

        /** Walks the clause's matches in one segment, forward only. */
        abstract class Cursor {

            private final DocIdSetIterator matches;

            Cursor(DocIdSetIterator matches) {
                this.matches = matches;
            }

            final int docID() {
                return matches.docID();
            }

            final int nextDoc() throws IOException {
                return matches.nextDoc();
            }

            final int advance(int target) throws IOException {
                return matches.advance(target);
            }

            /** The score of the article the cursor is on. */
            abstract float score() throws IOException;
        }

        /** Null when nothing in this segment matches. */
        Cursor cursor(LeafReaderContext leaf, SegmentCache segment) throws IOException;

        /** Adds the clause's score to {@code sums} for each article of {@code scored} it matches. */
        default void addScores(LeafReaderContext leaf, SegmentCache segment, FixedBitSet scored, Sums sums)
                throws IOException {
            Cursor cursor = cursor(leaf, segment);
            if (cursor == null) {
                return;
            }
            for (int doc = cursor.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = cursor.nextDoc()) {
                if (scored.get(doc)) {
                    sums.add(doc, cursor.score());
                }
            }
        }

        /**
         * The most the clause adds to an article's score in this segment, at least; infinite when not known (the
         * word is then scored through).
         */
        default float bound(LeafReaderContext leaf, SegmentCache segment) throws IOException {
            return Float.POSITIVE_INFINITY;
        }

        static Clause of(IndexSearcher searcher, Query query, TermLookup lookup) throws IOException {
            if (query instanceof BoostQuery boosted && boosted.getQuery() instanceof TypoVariant variant) {
                return TermClause.of(searcher, variant.term(), boosted.getBoost(), variant.similarity(), lookup);
            }
            Query rewritten = searcher.rewrite(query);
            float boost = 1f;
            if (rewritten instanceof BoostQuery boosted) {
                boost = boosted.getBoost();
                rewritten = boosted.getQuery();
            }
            if (rewritten instanceof TermQuery term) {
                return TermClause.of(searcher, term.getTerm(), boost, 1f, lookup);
            }
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
            return (leaf, segment) -> {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    return null;
                }
                return new Cursor(scorer.iterator()) {
                    @Override
                    float score() throws IOException {
                        return scorer.score();
                    }
                };
            };
        }
    }

    /**
     * A word in one field, scored exactly as Lucene's TermQuery scores it (same BM25 scorer from the same index
     * statistics, {@code score(freq, norm)}), but with the norm read from {@link SegmentCache}'s plain array. A typo's
     * single variant ({@link TypoVariant}) is scored as Lucene scores a one-term synonym group: the same, with the
     * frequency multiplied by the variant's weight ({@code score(freq * weight, norm)}, weight 1 for a plain word).
     */
    private record TermClause(Term term, TermStates states, SimScorer similarity, float weight, TermLookup lookup)
            implements Clause {

        /** The term's statistics gathered as {@code TermStates.build} gathers them, with the search's terms enums. */
        static TermClause of(IndexSearcher searcher, Term term, float boost, float weight, TermLookup lookup)
                throws IOException {
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
            return new TermClause(term, states, similarity, weight, lookup);
        }

        /** The posting list read straight through (a long one as kept decoded), no cursor between it and the sums. */
        @Override
        public void addScores(LeafReaderContext leaf, SegmentCache segment, FixedBitSet scored, Sums sums)
                throws IOException {
            TermsEnum termsEnum = positioned(leaf);
            if (termsEnum == null) {
                return;
            }
            byte[] norms = segment.norms(leaf.reader(), term.field());
            SegmentCache.Postings decoded = segment.postings(term, termsEnum, norms);
            if (decoded != null && decoded.docBits != null) {
                // A machine word at a time: the list's articles among the scored ones; the i-th article's frequency
                // is found by counting the list's articles before it.
                long[] listed = decoded.docBits;
                long[] wanted = scored.getBits();
                int before = 0;
                for (int w = 0; w < listed.length; w++) {
                    long word = listed[w];
                    for (long both = word & wanted[w]; both != 0; both &= both - 1) {
                        int bit = Long.numberOfTrailingZeros(both);
                        int doc = w << 6 | bit;
                        int i = before + Long.bitCount(word & ((1L << bit) - 1));
                        sums.add(doc, similarity.score(decoded.freq(i) * weight, norms[doc]));
                    }
                    before += Long.bitCount(word);
                }
                return;
            }
            if (decoded != null) {
                int[] docs = decoded.docs;
                for (int i = 0; i < docs.length; i++) {
                    int doc = docs[i];
                    if (scored.get(doc)) {
                        sums.add(doc, similarity.score(decoded.freq(i) * weight, norms[doc]));
                    }
                }
                return;
            }
            PostingsEnum postings = termsEnum.postings(null, PostingsEnum.FREQS);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (scored.get(doc)) {
                    sums.add(doc, similarity.score(postings.freq() * weight, norms[doc]));
                }
            }
        }

        /**
         * A kept list's best score over its competitive pairs; else the similarity's score for the highest possible
         * frequency and the shortest text (by Lucene's contract a score never falls with the frequency nor rises
         * with the norm; Lucene bounds a whole list the same way).
         */
        @Override
        public float bound(LeafReaderContext leaf, SegmentCache segment) throws IOException {
            TermsEnum termsEnum = positioned(leaf);
            if (termsEnum == null) {
                return 0;
            }
            SegmentCache.Postings decoded = segment.postings(term, termsEnum,
                    segment.norms(leaf.reader(), term.field()));
            if (decoded == null) {
                return similarity.score(Float.MAX_VALUE, 1L);
            }
            float most = 0;
            int[] freqs = decoded.competitiveFreqs;
            byte[] norms = decoded.competitiveNorms;
            for (int i = 0; i < freqs.length; i++) {
                most = Math.max(most, similarity.score(freqs[i] * weight, Byte.toUnsignedLong(norms[i])));
            }
            return most;
        }

        @Override
        public Cursor cursor(LeafReaderContext leaf, SegmentCache segment) throws IOException {
            PostingsEnum postings = postings(leaf);
            if (postings == null) {
                return null;
            }
            byte[] norms = segment.norms(leaf.reader(), term.field());
            return new Cursor(postings) {
                @Override
                float score() throws IOException {
                    return similarity.score(postings.freq() * weight, norms[postings.docID()]);
                }
            };
        }

        /** Null when this segment does not have the term. */
        private PostingsEnum postings(LeafReaderContext leaf) throws IOException {
            TermsEnum termsEnum = positioned(leaf);
            return termsEnum == null ? null : termsEnum.postings(null, PostingsEnum.FREQS);
        }

        /** A terms enum of the segment on the term, null when the segment does not have it. */
        private TermsEnum positioned(LeafReaderContext leaf) throws IOException {
            TermState state = states.get(leaf);
            return state == null ? null : lookup.seek(leaf, term, state);
        }
    }
}
