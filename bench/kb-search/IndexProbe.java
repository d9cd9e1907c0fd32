import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportplatform.kb.domain.Article;
import io.supportplatform.kb.domain.ArticleContent;
import io.supportplatform.kb.domain.Audience;
import io.supportplatform.kb.domain.Language;
import io.supportplatform.kb.domain.ProductRef;
import io.supportplatform.kb.domain.SearchQuery;
import io.supportplatform.kb.domain.Visibility;
import io.supportplatform.kb.repository.ArticleIndex;

/**
 * The search index alone, in one JVM, without HTTP, gateway or MongoDB: rebuild time for the generated articles
 * and, per query, wall time and CPU time of ArticleIndex.search on one thread. CPU time is what a query costs
 * whatever else runs on the machine; with 2 cores it bounds the queries/s the service can reach.
 * <p>
 * Two workloads, as in SearchLoad: "repeating" (the judged queries in rotation; round 0 warms up and is not
 * measured) and "unique" (each a judged query plus one word drawn from the corpus vocabulary, never sent before, so
 * a result cache cannot answer it). {@code result-cache-size} 0 (default) measures the uncached path on both;
 * above 0 the measured "repeating" rounds are answered from the result cache (its hit path). The same file runs
 * against an older jar without a result cache (the size is then ignored), for side-by-side comparisons.
 *
 * java -Xmx384m -cp "kb-service/target/quarkus-app/app/*:kb-service/target/quarkus-app/lib/main/*" \
 *   IndexProbe.java articles.jsonl queries.txt [rounds] [vocabulary.txt] [result-cache-size]
 */
public class IndexProbe {

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Instant now = Instant.now();
        int cacheSize = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        ArticleIndex index = index(cacheSize);
        long began = System.nanoTime();
        try (BufferedReader lines = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            Iterator<String> it = lines.lines().iterator();
            index.rebuild(() -> new Iterator<Article>() {
                public boolean hasNext() {
                    return it.hasNext();
                }

                @SuppressWarnings("unchecked")
                public Article next() {
                    try {
                        Map<String, Object> a = json.readValue(it.next(), Map.class);
                        List<ProductRef> products = ((List<Map<String, Object>>) a.get("products")).stream()
                                .map(p -> new ProductRef((String) p.get("name"), (List<String>) p.get("versions"))).toList();
                        ArticleContent content = new ArticleContent((String) a.get("title"), (String) a.get("body"),
                                Language.ofCode((String) a.get("language")), products, (List<String>) a.get("platforms"),
                                (String) a.get("category"), (List<String>) a.get("tags"),
                                Visibility.valueOf((String) a.get("visibility")));
                        return Article.draft((String) a.get("id"), content, "bench", now).publish("bench", now);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
        System.out.printf(Locale.ROOT, "rebuild: %d articles in %.1f s%n", index.size(), (System.nanoTime() - began) / 1e9);

        List<String> queries = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).toList();
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String> unique = args.length > 3 ? unique(queries, Files.readAllLines(Path.of(args[3])),
                queries.size() * (rounds - 1)) : List.of();
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        measure(index, queries, null, null); // warm-up (and, with a result cache, fills it)
        if (!unique.isEmpty()) {
            measure(index, unique, wall, cpu);
            System.out.printf(Locale.ROOT, "unique queries (never sent before, judged query + 1 vocabulary word):%n");
            report("wall", wall);
            report("cpu ", cpu);
            wall.clear();
            cpu.clear();
        }
        for (int round = 1; round < rounds; round++) {
            measure(index, queries, wall, cpu);
        }
        System.out.printf(Locale.ROOT, "repeating queries (the judged queries in rotation), result cache %s:%n",
                cacheSize > 0 ? "on: answered from it" : "off");
        report("wall", wall);
        report("cpu ", cpu);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf(Locale.ROOT, "heap used after GC: %d MiB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        index.close();
    }

    /** With the result cache of the given size where the jar has one (constructor ArticleIndex(int)). */
    static ArticleIndex index(int cacheSize) throws Exception {
        try {
            return ArticleIndex.class.getConstructor(int.class).newInstance(cacheSize);
        } catch (NoSuchMethodException olderJar) {
            return ArticleIndex.class.getConstructor().newInstance();
        }
    }

    static void measure(ArticleIndex index, List<String> texts, List<Long> wall, List<Long> cpu) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String q : texts) {
            SearchQuery query = new SearchQuery(q, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), 10, Audience.CUSTOMER);
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            index.search(query);
            if (wall != null) {
                wall.add(System.nanoTime() - t0);
                cpu.add(threads.getCurrentThreadCpuTime() - c0);
            }
        }
    }

    /** Judged queries in rotation, each with one extra vocabulary word: the same list for every run (seeded). */
    static List<String> unique(List<String> queries, List<String> vocabulary, int count) {
        List<String> words = vocabulary.stream().filter(w -> !w.isBlank()).toList();
        Random random = new Random(42);
        Set<String> sent = new LinkedHashSet<>(queries);
        List<String> unique = new ArrayList<>();
        for (int i = 0; unique.size() < count; i++) {
            String q = queries.get(i % queries.size()) + " " + words.get(random.nextInt(words.size()));
            if (sent.add(q)) {
                unique.add(q);
            }
        }
        return unique;
    }

    static void report(String what, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "search %s per query over %d: mean %.2f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                what, sorted.length, Arrays.stream(sorted).average().orElse(0) / 1e6, q(sorted, 0.5), q(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    static double q(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
