package io.supportplatform.kb.repository;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.supportplatform.kb.domain.SearchQuery;
import io.supportplatform.kb.domain.SearchResult;

/**
 * Complete answers of recent searches (hits, snippets, total, facets), like Solr's queryResultCache: the head of
 * a knowledge base's query distribution is asked again and again, and a search costs milliseconds of CPU.
 * <p>
 * Keyed by the whole request (normalized text, every filter, limit and the audience, so a customer never gets an
 * answer computed for staff). Each answer carries the version of the index it was computed on and is only served
 * for that same version: a write, here or announced by another instance's event, refreshes the searcher to a new
 * version, so the next search misses and sees the change, even when a search still running on the old version
 * stores its answer afterwards. The whole cache is also dropped at each refresh, so stale answers don't take room.
 * <p>
 * Only the answer to a search asked before is kept. Most searches are never asked again (the long tail of typed
 * text), and keeping each answer anyway made the cache churn through them: every answer lived for the next couple
 * of thousand searches, long enough to be copied by a dozen young collections and then promoted, which doubled the
 * length of every collection pause under a load of new searches (bench/kb-search, round 9). A repeated search is
 * computed twice, then answered from here, as Elasticsearch's query cache waits for a query to recur.
 */
final class SearchResultCache {

    private final Cache<SearchQuery, Answer> answers;
    /**
     * Hashes of searches recently asked once, each in the slot its hash selects (a newer search may take the slot):
     * a fixed array of ints, so recording the long tail allocates nothing.
     */
    private final AtomicIntegerArray askedOnce;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** @param maxEntries at most this many answers are kept (least recently/frequently used go first); 0: off */
    SearchResultCache(int maxEntries) {
        this.answers = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).build();
        // Four slots per kept answer: a search recurring within the last few thousand distinct ones counts as repeated.
        this.askedOnce = new AtomicIntegerArray(Integer.highestOneBit(Math.max(maxEntries, 16) * 4 - 1) << 1);
    }

    /** The answer computed on exactly this index version, or null. */
    SearchResult get(SearchQuery search, long indexVersion) {
        Answer answer = answers.getIfPresent(key(search));
        if (answer != null && answer.indexVersion() == indexVersion) {
            hits.increment();
            return answer.result();
        }
        misses.increment();
        return null;
    }

    /**
     * Keeps the answer if its search was asked before.
     *
     * @return the result as kept and served to everyone: unmodifiable, as it is shared between requests; the result
     *     itself when it is not kept
     */
    SearchResult put(SearchQuery search, long indexVersion, SearchResult result) {
        SearchQuery key = key(search);
        if (!askedBefore(key)) {
            return result;
        }
        SearchResult shared = new SearchResult(result.total(), List.copyOf(result.hits()), unmodifiable(result.facets()));
        answers.put(key, new Answer(indexVersion, shared));
        return shared;
    }

    /** Whether this search was asked recently; if not, it is noted as asked now. */
    private boolean askedBefore(SearchQuery key) {
        int hash = key.hashCode() * 0x9E3779B9; // spreads the record's hash over the slot bits
        hash = hash == 0 ? 1 : hash; // 0 marks an empty slot
        int slot = (hash >>> 16 ^ hash) & (askedOnce.length() - 1);
        if (askedOnce.get(slot) == hash) {
            return true;
        }
        askedOnce.set(slot, hash);
        return false;
    }

    /** The index changed: no kept answer can be served any more. */
    void clear() {
        answers.invalidateAll();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }

    /**
     * Typed text differing only in white space or letter case analyses to the same words (every analysis chain
     * lower-cases per character and splits at white space), so it is the same search. Quotes stay: they make
     * phrases.
     */
    static SearchQuery key(SearchQuery search) {
        StringBuilder text = new StringBuilder(search.text().length());
        boolean space = false;
        for (int i = 0; i < search.text().length(); ) {
            int c = search.text().codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c)) {
                space = text.length() > 0;
                continue;
            }
            if (space) {
                text.append(' ');
                space = false;
            }
            text.appendCodePoint(Character.toLowerCase(c));
        }
        return new SearchQuery(text.toString(), search.language(), search.product(), search.platform(),
                search.category(), search.limit(), search.audience());
    }

    private static Map<String, Map<String, Integer>> unmodifiable(Map<String, Map<String, Integer>> facets) {
        // Map.copyOf would lose the value order (TreeMap: alphabetical) the API shows.
        return facets.entrySet().stream().collect(Collectors.collectingAndThen(
                Collectors.toMap(Map.Entry::getKey, e -> Collections.unmodifiableMap(e.getValue()), (a, b) -> a,
                        LinkedHashMap::new),
                Collections::unmodifiableMap));
    }

    private record Answer(long indexVersion, SearchResult result) {
    }
}
