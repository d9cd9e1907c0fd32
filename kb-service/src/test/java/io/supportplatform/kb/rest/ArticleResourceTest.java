package io.supportplatform.kb.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.supportplatform.devstack.testing.MongoTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.TestTokens;

/** Articles in the real store (mongo-java-server): lifecycle, optimistic concurrency, who reads what (P1.1). */
@QuarkusTest
@WithTestResource(OidcTestResource.class)
@WithTestResource(MongoTestResource.class)
class ArticleResourceTest {

    static final String AGENT = TestTokens.agent("alex");
    static final String CUSTOMER = TestTokens.customer("anna", "100001");

    @Test
    void lifecycleKeepsEveryPublishedRevisionAndCountsVersions() {
        String id = create(article("Agent offline", "The agent is **offline**.", "PUBLIC"))
                .statusCode(201)
                .header("Location", containsString("/api/kb/articles/"))
                .header("ETag", "\"1\"")
                .body("status", equalTo("DRAFT"))
                .body("author", equalTo("alex"))
                .body("bodyHtml", equalTo("<p>The agent is <strong>offline</strong>.</p>\n"))
                .body("revisions", hasSize(0))
                .extract().path("id");

        given().auth().oauth2(AGENT).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(article("Agent offline", "Restart the agent service.", "PUBLIC"))
                .put("/api/kb/articles/{id}", id)
                .then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2))
                .body("revisions", hasSize(0));

        publish(id).statusCode(200).body("status", equalTo("PUBLISHED")).body("version", equalTo(3))
                .body("revisions", hasSize(1))
                .body("revisions[0].body", equalTo("Restart the agent service."))
                .body("revisions[0].publishedBy", equalTo("alex"));

        // An edit of a published article is live at once, so it is a revision of its own; version in the body.
        Map<String, Object> edit = article("Agent offline", "Restart the agent service, then wait a minute.", "PUBLIC");
        edit.put("version", 3);
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(edit)
                .put("/api/kb/articles/{id}", id)
                .then().statusCode(200).body("version", equalTo(4)).body("revisions", hasSize(2))
                .body("revisions[1].number", equalTo(2));

        given().auth().oauth2(AGENT).post("/api/kb/articles/{id}/retire", id)
                .then().statusCode(200).body("status", equalTo("RETIRED")).body("version", equalTo(5));
        given().auth().oauth2(CUSTOMER).get("/api/kb/articles/{id}", id).then().statusCode(404);
        given().auth().oauth2(AGENT).get("/api/kb/articles/{id}", id)
                .then().statusCode(200).header("ETag", "\"5\"").body("revisions", hasSize(2));
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        String id = create(article("VPN drops", "Renew the certificate.", "PUBLIC")).statusCode(201)
                .extract().path("id");
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(article("VPN drops", "First editor wins.", "PUBLIC"))
                .put("/api/kb/articles/{id}", id).then().statusCode(200);

        given().auth().oauth2(AGENT).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(article("VPN drops", "Second editor started from version 1.", "PUBLIC"))
                .put("/api/kb/articles/{id}", id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString("version 2"));
        given().auth().oauth2(AGENT).header("If-Match", "\"1\"").post("/api/kb/articles/{id}/publish", id)
                .then().statusCode(409);

        given().auth().oauth2(AGENT).get("/api/kb/articles/{id}", id)
                .then().statusCode(200).body("body", equalTo("First editor wins.")).body("version", equalTo(2));
    }

    @Test
    void anEditWithoutAVersionIsRefused() {
        String id = create(article("Printer offline", "Check the spooler.", "PUBLIC")).extract().path("id");
        given().auth().oauth2(AGENT).contentType(ContentType.JSON)
                .body(article("Printer offline", "No version given.", "PUBLIC"))
                .put("/api/kb/articles/{id}", id)
                .then().statusCode(400).body("violations[0].field", equalTo("version"));
    }

    @Test
    void customersReadOnlyPublishedPublicArticles() {
        String draft = create(article("Draft about tokens", "Not ready.", "PUBLIC")).extract().path("id");
        String internal = create(article("Escalation path", "Call tier 2.", "INTERNAL")).extract().path("id");
        String published = create(article("Reset a password", "Use the portal.", "PUBLIC")).extract().path("id");
        publish(internal).statusCode(200);
        publish(published).statusCode(200);

        given().auth().oauth2(CUSTOMER).get("/api/kb/articles/{id}", draft)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(CUSTOMER).get("/api/kb/articles/{id}", internal).then().statusCode(404);
        given().auth().oauth2(TestTokens.user("olga", "ops")).get("/api/kb/articles/{id}", internal)
                .then().statusCode(404);
        given().auth().oauth2(CUSTOMER).get("/api/kb/articles/{id}", published)
                .then().statusCode(200).body("title", equalTo("Reset a password")).body("revisions", nullValue());

        given().auth().oauth2(AGENT).get("/api/kb/articles/{id}", draft).then().statusCode(200);
        given().auth().oauth2(TestTokens.user("tom", "tier2")).get("/api/kb/articles/{id}", internal)
                .then().statusCode(200);
        given().auth().oauth2(AGENT).get("/api/kb/articles/{id}", UUID.randomUUID().toString()).then().statusCode(404);
    }

    @Test
    void onlyStaffWrite() {
        given().auth().oauth2(CUSTOMER).contentType(ContentType.JSON).body(article("Mine", "x", "PUBLIC"))
                .post("/api/kb/articles").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(article("Anonymous", "x", "PUBLIC"))
                .post("/api/kb/articles").then().statusCode(401);
        given().get("/api/kb/articles/{id}", "any").then().statusCode(401);
    }

    @Test
    void invalidArticlesAreRefusedNamingEachField() {
        Map<String, Object> invalid = article(" ", "", "PUBLIC");
        invalid.remove("category");
        invalid.put("products", List.of(Map.of("name", "")));
        create(invalid).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("title", "body", "category", "products[0].name"));

        Map<String, Object> badLanguage = article("Title", "Body", "PUBLIC");
        badLanguage.put("language", "fr");
        create(badLanguage).statusCode(400).body("violations[0].field", equalTo("language"));
    }

    @Test
    void markdownIsRenderedWithoutScriptOrUnsafeLinks() {
        String body = "Hello <script>alert('x')</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>";
        String id = create(article("Unsafe body", body, "PUBLIC")).extract().path("id");
        String html = given().auth().oauth2(AGENT).get("/api/kb/articles/{id}", id)
                .then().statusCode(200).body("body", equalTo(body)).extract().path("bodyHtml");
        org.hamcrest.MatcherAssert.assertThat(html, not(containsString("<script")));
        org.hamcrest.MatcherAssert.assertThat(html, not(containsString("<img")));
        org.hamcrest.MatcherAssert.assertThat(html, not(containsString("javascript:")));
        org.hamcrest.MatcherAssert.assertThat(html, containsString("&lt;script&gt;"));
    }

    static ValidatableResponse create(Map<String, Object> article) {
        return given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(article)
                .post("/api/kb/articles").then();
    }

    static ValidatableResponse publish(String id) {
        return given().auth().oauth2(AGENT).post("/api/kb/articles/{id}/publish", id).then();
    }

    static Map<String, Object> article(String title, String body, String visibility) {
        Map<String, Object> article = new java.util.HashMap<>();
        article.put("title", title);
        article.put("body", body);
        article.put("language", "en");
        article.put("products", List.of(Map.of("name", "Articles-Test", "versions", List.of("12.1"))));
        article.put("platforms", List.of("windows"));
        article.put("category", "general");
        article.put("tags", List.of("test"));
        article.put("visibility", visibility);
        return article;
    }
}
