package io.supportplatform.kb.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.supportplatform.kb.config.SearchConfig;
import io.supportplatform.problem.ProblemException;

/** Searches run on their own threads, first come first served; a full queue is a 503 problem, not a pile-up. */
class SearchWorkersTest {

    @Test
    void searchesRunOnTheSearchThreadsAndBeyondTheQueueTheAnswerIs503() throws Exception {
        SearchWorkers workers = new SearchWorkers(config(1, 1));
        try {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> first = workers.run(() -> {
                running.countDown();
                await(release);
                return Thread.currentThread().getName();
            }).subscribeAsCompletionStage();
            assertThat(running.await(10, TimeUnit.SECONDS), equalTo(true));
            CompletableFuture<String> queued = workers.run(() -> "second").subscribeAsCompletionStage();

            ProblemException refused = assertThrows(ProblemException.class,
                    () -> workers.run(() -> "third").await().atMost(Duration.ofSeconds(10)));
            assertThat(refused.status(), equalTo(503));

            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS), startsWith("kb-search-"));
            assertThat(queued.get(10, TimeUnit.SECONDS), equalTo("second"));
        } finally {
            workers.stop();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SearchConfig config(int threads, int queue) {
        return new SearchConfig() {
            @Override
            public int maxQueryLength() {
                return 500;
            }

            @Override
            public int defaultLimit() {
                return 10;
            }

            @Override
            public int maxLimit() {
                return 50;
            }

            @Override
            public int resultCacheSize() {
                return 0;
            }

            @Override
            public Optional<Integer> threads() {
                return Optional.of(threads);
            }

            @Override
            public int queue() {
                return queue;
            }
        };
    }
}
