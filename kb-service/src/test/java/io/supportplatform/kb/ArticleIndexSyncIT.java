package io.supportplatform.kb;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.supportplatform.devstack.ChildProcess;
import io.supportplatform.devstack.Ports;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.MongoTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.TestTokens;

/**
 * Index and store never disagree for long, across instances (issue 6 item 2): two packaged kb-service
 * processes share one MongoDB and one Kafka; what an agent writes through instance A is found through
 * instance B's search within seconds (B learns of it from the kb-article-* events, not from a restart), and a
 * retired article disappears from B's customer search the same way. B repeats the identical search while it
 * waits, with its search result cache on (the default), so the event must also end B's cached answers.
 */
class ArticleIndexSyncIT {

    static final Duration WITHIN = Duration.ofSeconds(20);
    static final String AGENT = TestTokens.agent("alex");
    static final String CUSTOMER = TestTokens.customer("anna", "100001");

    static Instance a;
    static Instance b;

    @BeforeAll
    static void startTwoInstances() {
        // The test profile, configured as the test resources configure a @QuarkusTest: tokens are verified
        // against the test key instead of asking Keycloak (the prod profile would).
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", "test");
        env.put("QUARKUS_MONGODB_CONNECTION_STRING", MongoTestResource.connectionString());
        env.put("QUARKUS_MONGODB_DATABASE", "kb-index-sync-it");
        env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaTestResource.bootstrapServers());
        Map<String, String> oidc = new OidcTestResource().start();
        env.put("QUARKUS_OIDC_PUBLIC_KEY", oidc.get("quarkus.oidc.public-key"));
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", oidc.get("quarkus.oidc.token.issuer"));
        a = Instance.start("kb-service-a", env);
        b = Instance.start("kb-service-b", env);
        a.awaitReady();
        b.awaitReady();
    }

    @AfterAll
    static void stopInstances() {
        if (a != null) {
            a.process.close();
        }
        if (b != null) {
            b.process.close();
        }
    }

    @Test
    void aWriteThroughOneInstanceIsFoundThroughTheOtherAndARetiredArticleDisappears() {
        String word = "zylinderkopf" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> article = TestArticles.article("Agent offline after " + word,
                "The " + word + " agent cannot reach the server.", "Sync-IT", "PUBLIC");
        String id = given().baseUri(a.url).auth().oauth2(AGENT).contentType(ContentType.JSON).body(article)
                .post("/api/kb/articles").then().statusCode(201).extract().path("id");

        // Staff see drafts: B's index follows even before anything is public.
        awaitHits(b, AGENT, word, List.of(id));
        assertThat("a draft never reaches customers", hits(b, CUSTOMER, word), empty());
        assertThat("asked again, so B keeps this answer", hits(b, CUSTOMER, word), empty());

        given().baseUri(a.url).auth().oauth2(AGENT).post("/api/kb/articles/{id}/publish", id).then().statusCode(200);
        awaitHits(b, CUSTOMER, word, List.of(id));

        given().baseUri(a.url).auth().oauth2(AGENT).post("/api/kb/articles/{id}/retire", id).then().statusCode(200);
        awaitHits(b, CUSTOMER, word, List.of());
        assertThat("staff still find the retired article", hits(b, AGENT, word), contains(id));
    }

    @Test
    void anInternalArticleWrittenThroughOneInstanceNeverReachesCustomersOfTheOther() {
        String word = "kurbelwelle" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> article = TestArticles.article("Internal: " + word, "Only for support: " + word,
                "Sync-IT", "INTERNAL");
        String id = given().baseUri(b.url).auth().oauth2(AGENT).contentType(ContentType.JSON).body(article)
                .post("/api/kb/articles").then().statusCode(201).extract().path("id");
        given().baseUri(b.url).auth().oauth2(AGENT).post("/api/kb/articles/{id}/publish", id).then().statusCode(200);

        awaitHits(a, AGENT, word, List.of(id));
        assertThat(hits(a, CUSTOMER, word), empty());
    }

    private static void awaitHits(Instance instance, String token, String word, List<String> expected) {
        long started = System.nanoTime();
        long deadline = started + WITHIN.toNanos();
        List<String> found = hits(instance, token, word);
        while (!found.equals(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(instance.name + " search for " + word + " gave " + found + ", not " + expected
                        + " within " + WITHIN + " (log " + instance.process.logFile() + ")");
            }
            sleep(200);
            found = hits(instance, token, word);
        }
        System.out.printf("%s showed %s for %s after %d ms%n", instance.name, expected, word,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static List<String> hits(Instance instance, String token, String word) {
        return given().baseUri(instance.url).auth().oauth2(token).queryParam("q", word).queryParam("product", "Sync-IT")
                .get("/api/kb/search").then().statusCode(200).extract().jsonPath().getList("hits.id", String.class);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One packaged kb-service ({@code target/quarkus-app/quarkus-run.jar}, built by the package phase). */
    record Instance(String name, String url, ChildProcess process) {

        static Instance start(String name, Map<String, String> sharedEnv) {
            Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: run this test with `verify` (failsafe), after package");
            }
            int port = Ports.free();
            Map<String, String> env = new HashMap<>(sharedEnv);
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path log = Path.of("target", "it-logs", name + ".log").toAbsolutePath();
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChildProcess process = ChildProcess.start(name, List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                    jar.toString()), env, jar.getParent(), log);
            return new Instance(name, "http://localhost:" + port, process);
        }

        void awaitReady() {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited during start-up:\n" + process.logTail(40));
                }
                try {
                    if (given().baseUri(url).get("/q/health/ready").statusCode() == 200) {
                        return;
                    }
                } catch (Exception notYet) { // RestAssured throws ConnectException unchecked
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " not ready within 2 minutes:\n" + process.logTail(40));
                }
                sleep(300);
            }
        }
    }
}
