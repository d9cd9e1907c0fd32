package io.supportplatform.kb.service;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportplatform.kb.config.SearchConfig;
import io.supportplatform.problem.ProblemException;

/**
 * The threads computing searches: one per core, first come first served. A search is CPU work only, so more
 * threads than cores just share the cores among more searches: with 16 searches at once on the worker pool, each
 * took about eight times its own CPU time, and a costly one far longer, while in a queue each runs at full speed
 * once its turn comes (bench/kb-search, round 6). Beyond the queue's bound the answer is 503: better than a queue
 * nobody's answer comes out of in time.
 */
@ApplicationScoped
public class SearchWorkers {

    private final ThreadPoolExecutor threads;

    public SearchWorkers(SearchConfig config) {
        int count = config.threads().orElse(Runtime.getRuntime().availableProcessors());
        AtomicInteger number = new AtomicInteger();
        threads = new ThreadPoolExecutor(count, count, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.queue()), work -> {
                    Thread thread = new Thread(work, "kb-search-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Runs the search on a search thread, or fails with a 503 problem when too many are waiting. */
    public <T> Uni<T> run(Supplier<T> search) {
        return Uni.createFrom().item(search).runSubscriptionOn(threads)
                .onFailure(RejectedExecutionException.class).transform(rejected -> new ProblemException(503,
                        "Service Unavailable", "Too many searches are waiting; try again in a moment."));
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
