package io.supportplatform.kb.repository;

import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Typo tolerance for one search: the indexed words within 1 edit of a word the index does not know (a swap of two
 * neighbours is one edit), first letter kept; for words of 8 letters or more within 2 edits when no word is
 * within 1 (the 2-edit automaton costs several times the 1-edit one to build, and most typos are one slip). Lucene's FuzzyQuery does
 * the same, but builds its Levenshtein automata anew for every field it is used on and again at each rewrite
 * (two passes and the highlighter); that construction was the largest single cost of a query at 100,000
 * articles. Here each word's automaton is built once (and kept for later searches) and run over every field's
 * term dictionary, and the expansions become plain terms, so nothing needs rewriting afterwards. The variants
 * found are kept for the index version they were found on ({@link Found}): the same typo in the next search costs
 * a map lookup, and a write (new version) starts afresh, since it can add or remove variants.
 */
final class TypoExpansions {

    /** Like FuzzyQuery's default: the closest few variants, more would only add near-namesakes. */
    private static final int MAX_EXPANSIONS = 16;
    /** Bounds the scan of the term dictionary for short, common prefixes. */
    private static final int MAX_CANDIDATES = 512;

    /**
     * By edits and word; an automaton does not depend on the index, only on the word. Bounded: typos are many
     * but the frequent ones repeat, and a 2-edit automaton of a long word takes some kilobytes.
     */
    private static final Cache<String, CompiledAutomaton> AUTOMATA = Caffeine.newBuilder().maximumSize(2_000)
            .executor(Runnable::run).build();

    private final IndexReader reader;
    private final Found found;

    /** @param found the variants already found on this reader's index version, added to by this search */
    TypoExpansions(IndexReader reader, Found found) {
        this.reader = reader;
        this.found = found;
    }

    /** The variants per field, edits and word found on one index version, shared by the searches on it. */
    static final class Found {

        /** Far more distinct typos than a day brings; the least used go first beyond it. */
        private static final int MAX_WORDS = 20_000;

        private final long indexVersion;
        private final Cache<String, List<Variant>> variants = Caffeine.newBuilder().maximumSize(MAX_WORDS)
                .executor(Runnable::run).build();

        Found(long indexVersion) {
            this.indexVersion = indexVersion;
        }

        long indexVersion() {
            return indexVersion;
        }
    }

    /**
     * Adds to {@code clause} the variants of {@code word} indexed in {@code field}, as one synonym group scored
     * like a single word (document frequency of the most frequent variant, so a rare misspelling in some
     * article does not outrank the real word) with each variant weighted by its similarity.
     *
     * @return whether the field has any variant
     */
    boolean add(BooleanQuery.Builder clause, String word, String field, float weight) throws IOException {
        return add(clause, word, field, weight, 2);
    }

    /** @param maxEdits 1: only the cheap 1-edit variants, never the 2-edit automaton */
    boolean add(BooleanQuery.Builder clause, String word, String field, float weight, int maxEdits)
            throws IOException {
        List<Variant> variants = variants(word, field, maxEdits);
        if (variants.isEmpty()) {
            return false;
        }
        Query scored;
        if (variants.size() == 1) {
            scored = new TypoVariant(new Term(field, variants.get(0).term()), variants.get(0).similarity());
        } else {
            SynonymQuery.Builder group = new SynonymQuery.Builder(field);
            variants.forEach(v -> group.addTerm(new Term(field, v.term()), v.similarity()));
            scored = group.build();
        }
        clause.add(new BoostQuery(scored, weight), Occur.SHOULD);
        return true;
    }

    private List<Variant> variants(String word, String field, int maxEdits) throws IOException {
        List<Variant> variants = variantsWithin(word, field, 1);
        return variants.isEmpty() && maxEdits >= 2 && word.length() >= 8 ? variantsWithin(word, field, 2) : variants;
    }

    private List<Variant> variantsWithin(String word, String field, int edits) throws IOException {
        String key = field + ':' + edits + ':' + word;
        List<Variant> known = found.variants.getIfPresent(key);
        if (known != null) {
            return known;
        }
        List<Variant> variants = scan(word, field, edits);
        found.variants.put(key, variants);
        return variants;
    }

    private List<Variant> scan(String word, String field, int edits) throws IOException {
        CompiledAutomaton automaton = AUTOMATA.get(edits + ":" + word,
                key -> new FuzzyQuery(new Term(field, word), edits, 1, MAX_EXPANSIONS, true).getAutomata());
        Map<String, Integer> docFreqs = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum matching = automaton.getTermsEnum(terms);
            for (BytesRef term = matching.next(); term != null && docFreqs.size() < MAX_CANDIDATES;
                    term = matching.next()) {
                docFreqs.merge(term.utf8ToString(), matching.docFreq(), Integer::sum);
            }
        }
        return docFreqs.entrySet().stream()
                .map(e -> new Variant(e.getKey(), similarity(word, e.getKey()), e.getValue()))
                .sorted(Comparator.comparingDouble(Variant::similarity).reversed()
                        .thenComparing(Comparator.comparingInt(Variant::docFreq).reversed())
                        .thenComparing(Variant::term))
                .limit(MAX_EXPANSIONS)
                .toList();
    }

    /** FuzzyQuery's measure: 1 - edits / length of the shorter word. */
    static float similarity(String typed, String indexed) {
        int[] a = typed.codePoints().toArray();
        int[] b = indexed.codePoints().toArray();
        return Math.max(0.01f, 1f - (float) edits(a, b) / Math.min(a.length, b.length));
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int edits(int[] a, int[] b) {
        int[][] d = new int[a.length + 1][b.length + 1];
        for (int i = 0; i <= a.length; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length][b.length];
    }

    private record Variant(String term, float similarity, int docFreq) {
    }
}
