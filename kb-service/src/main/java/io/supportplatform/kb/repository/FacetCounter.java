package io.supportplatform.kb.repository;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts, over every matching article, the values of a few keyword fields (kept as doc values). Counting is
 * by ordinal per segment and resolved to strings once per segment, so it stays cheap for large hit sets.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, Map<String, Map<String, Integer>>> {

    private final String[] fields;

    FacetCounter(String... fields) {
        this.fields = fields;
    }

    @Override
    public Counting newCollector() {
        return new Counting();
    }

    @Override
    public Map<String, Map<String, Integer>> reduce(Collection<Counting> collectors) throws IOException {
        Map<String, Map<String, Integer>> merged = new LinkedHashMap<>();
        for (String field : fields) {
            merged.put(field, new TreeMap<>());
        }
        for (Counting counting : collectors) {
            counting.flush();
            counting.counts.forEach((field, values) -> values.forEach(
                    (value, count) -> merged.get(field).merge(value, count, Integer::sum)));
        }
        return merged;
    }

    final class Counting extends SimpleCollector {

        private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        private final SortedSetDocValues[] values = new SortedSetDocValues[fields.length];
        private final int[][] ordinalCounts = new int[fields.length][];

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            for (int i = 0; i < fields.length; i++) {
                values[i] = DocValues.getSortedSet(context.reader(), fields[i]);
                ordinalCounts[i] = new int[(int) values[i].getValueCount()];
            }
        }

        @Override
        public void collect(int doc) throws IOException {
            for (int i = 0; i < fields.length; i++) {
                if (values[i].advanceExact(doc)) {
                    for (int n = values[i].docValueCount(); n > 0; n--) {
                        ordinalCounts[i][(int) values[i].nextOrd()]++;
                    }
                }
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        /** Turns the current segment's ordinal counts into value counts. */
        void flush() throws IOException {
            for (int i = 0; i < fields.length; i++) {
                if (ordinalCounts[i] == null) {
                    continue;
                }
                Map<String, Integer> byValue = counts.computeIfAbsent(fields[i], f -> new TreeMap<>());
                for (int ord = 0; ord < ordinalCounts[i].length; ord++) {
                    if (ordinalCounts[i][ord] > 0) {
                        byValue.merge(values[i].lookupOrd(ord).utf8ToString(), ordinalCounts[i][ord], Integer::sum);
                    }
                }
                ordinalCounts[i] = null;
            }
        }
    }
}
