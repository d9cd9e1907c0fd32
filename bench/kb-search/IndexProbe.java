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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
 *
 * java -Xmx384m -cp "kb-service/target/quarkus-app/app/*:kb-service/target/quarkus-app/lib/main/*" \
 *   IndexProbe.java articles.jsonl queries.txt [rounds]
 */
public class IndexProbe {

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Instant now = Instant.now();
        ArticleIndex index = new ArticleIndex();
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
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (String q : queries) {
                SearchQuery query = new SearchQuery(q, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), 10, Audience.CUSTOMER);
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                index.search(query);
                if (round > 0) { // round 0 warms up
                    wall.add(System.nanoTime() - t0);
                    cpu.add(threads.getCurrentThreadCpuTime() - c0);
                }
            }
        }
        report("wall", wall);
        report("cpu ", cpu);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf(Locale.ROOT, "heap used after GC: %d MiB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        index.close();
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
