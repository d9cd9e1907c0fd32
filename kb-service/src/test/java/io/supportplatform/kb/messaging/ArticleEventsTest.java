package io.supportplatform.kb.messaging;

import static com.mongodb.client.model.Filters.eq;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.supportplatform.devstack.testing.EventContract;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.PublishedEvents;
import io.supportplatform.kb.MessagingProfile;
import io.supportplatform.kb.TestArticles;
import io.vertx.core.json.JsonObject;

/**
 * kb-article-published / -updated / -retired (issue 6 item 5): every write publishes one schema-valid event,
 * keyed by the article, with the article's version as sequence; events wait in the article's outbox while the
 * broker is down and go out, none lost, when it is back.
 */
@QuarkusTest
@TestProfile(MessagingProfile.class)
class ArticleEventsTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Map<String, EventContract> CONTRACTS = Map.of(
            "kb-article-published", EventContract.of("kb-article-published.v1.schema.json"),
            "kb-article-updated", EventContract.of("kb-article-updated.v1.schema.json"),
            "kb-article-retired", EventContract.of("kb-article-retired.v1.schema.json"));

    @Inject
    MongoClient mongo;

    @Test
    void everyWriteIsAnnouncedOnceWithTheVersionAsSequence() {
        String id = TestArticles.create(TestArticles.article("Agent offline", "Restart the agent.", "Events-Test", "PUBLIC"));
        given().auth().oauth2(TestArticles.AGENT).post("/api/kb/articles/{id}/publish", id).then().statusCode(200);
        given().auth().oauth2(TestArticles.AGENT).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(TestArticles.article("Agent offline", "Restart the agent service.", "Events-Test", "PUBLIC"))
                .put("/api/kb/articles/{id}", id).then().statusCode(200);
        given().auth().oauth2(TestArticles.AGENT).post("/api/kb/articles/{id}/retire", id).then().statusCode(200);

        List<ConsumerRecord<String, String>> records = PublishedEvents.awaitAll(List.copyOf(CONTRACTS.keySet()), id, 4,
                WAIT);
        assertThat("exactly one event per write", records, hasSize(4));
        List<JsonObject> events = records.stream().map(r -> new JsonObject(r.value()))
                .sorted(Comparator.comparingLong(e -> e.getJsonObject("data").getLong("sequence"))).toList();
        assertThat(events.stream().map(e -> e.getJsonObject("data").getLong("sequence")).toList(), contains(1L, 2L, 3L, 4L));
        assertThat(events.stream().map(e -> e.getString("type")).toList(), contains(
                "io.supportplatform.kb-article-updated.v1", "io.supportplatform.kb-article-published.v1",
                "io.supportplatform.kb-article-updated.v1", "io.supportplatform.kb-article-retired.v1"));
        assertThat(events.stream().map(e -> e.getJsonObject("data").getString("status")).toList(),
                contains("DRAFT", "PUBLISHED", "PUBLISHED", "RETIRED"));
        assertThat(events.stream().map(e -> e.getJsonObject("data").getInteger("revision")).toList(),
                contains(0, 1, 2, 2));
        for (ConsumerRecord<String, String> record : records) {
            JsonObject event = new JsonObject(record.value());
            EventContract contract = CONTRACTS.get(record.topic());
            assertTrue(contract.validate(event).getValid(), () -> record.topic() + ": " + contract.validate(event).getErrors());
            assertEquals("io.supportplatform." + record.topic() + ".v1", event.getString("type"), "topic = event name");
            assertEquals(id, event.getString("subject"));
            assertEquals(id, event.getJsonObject("data").getString("articleId"));
            assertEquals("alex", event.getJsonObject("data").getString("changedBy"));
            assertEquals("application/cloudevents+json",
                    new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
        }
        awaitTrue(() -> pendingEvents(id).isEmpty(), "the outbox is emptied once Kafka acknowledged");
    }

    @Test
    void eventsWaitInTheArticlesOutboxWhileTheBrokerIsDownAndNoneIsLost() {
        KafkaTestResource.stopBroker();
        String id;
        try {
            // Writes are accepted while the broker is down; their events are stored with them.
            id = TestArticles.create(TestArticles.article("Backup fails", "Check the share.", "Events-Test", "PUBLIC"));
            given().auth().oauth2(TestArticles.AGENT).post("/api/kb/articles/{id}/publish", id).then().statusCode(200);
            sleep(Duration.ofSeconds(4)); // several relay rounds fail meanwhile
            assertThat(pendingEvents(id).stream().map(e -> e.getString("topic")).toList(),
                    contains("kb-article-updated", "kb-article-published"));
        } finally {
            KafkaTestResource.startBroker();
        }
        List<ConsumerRecord<String, String>> records = PublishedEvents.awaitAll(
                List.of("kb-article-updated", "kb-article-published"), id, 2, Duration.ofSeconds(60));
        assertThat(records.stream().map(r -> new JsonObject(r.value()).getJsonObject("data").getLong("sequence"))
                .sorted().distinct().toList(), contains(1L, 2L));
        awaitTrue(() -> pendingEvents(id).isEmpty(), "the outbox is emptied once Kafka is back");
    }

    @Test
    void theExamplesFollowTheirSchemasAndTheSchemasRejectWhatBreaksThem() {
        CONTRACTS.forEach((name, contract) -> {
            JsonObject example = new JsonObject(EventContract.read(EventContract.CONTRACTS.resolve("examples/" + name + ".v1.json")));
            assertTrue(contract.validate(example).getValid(), () -> name + ": " + contract.validate(example).getErrors());
            JsonObject withoutSequence = example.copy();
            withoutSequence.getJsonObject("data").remove("sequence");
            assertFalse(contract.validate(withoutSequence).getValid(), name + " without sequence");
            JsonObject leakyVisibility = example.copy();
            leakyVisibility.getJsonObject("data").put("visibility", "SECRET");
            assertFalse(contract.validate(leakyVisibility).getValid(), name + " with an unknown visibility");
        });
        JsonObject retiredButLive = new JsonObject(EventContract.read(EventContract.CONTRACTS
                .resolve("examples/kb-article-retired.v1.json")));
        retiredButLive.getJsonObject("data").put("status", "PUBLISHED");
        assertFalse(CONTRACTS.get("kb-article-retired").validate(retiredButLive).getValid());
    }

    private List<Document> pendingEvents(String id) {
        Document article = mongo.getDatabase(MessagingProfile.DATABASE).getCollection("articles").find(eq("_id", id)).first();
        return article == null ? List.of() : article.getList("outbox", Document.class, List.of());
    }

    static void awaitTrue(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + WAIT + ": " + what);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
