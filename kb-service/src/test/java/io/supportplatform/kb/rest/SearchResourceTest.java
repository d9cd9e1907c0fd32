package io.supportplatform.kb.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.supportplatform.devstack.testing.MongoTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.TestTokens;

/**
 * Search over a small German/English corpus written through the API into the real store (P1.2, P14.b). The
 * store is shared with other test classes, so every search here filters on this run's own product.
 */
@QuarkusTest
@WithTestResource(OidcTestResource.class)
@WithTestResource(MongoTestResource.class)
class SearchResourceTest {

    static final String AGENT = TestTokens.agent("alex");
    static final String CUSTOMER = TestTokens.customer("anna", "100001");
    static final String PRODUCT = "Search-Suite-" + UUID.randomUUID();

    static final Map<String, String> IDS = new HashMap<>();

    @BeforeEach
    void writeCorpusOnce() {
        if (!IDS.isEmpty()) {
            return;
        }
        en("agent-offline", "Agent shows as offline", "agents", "PUBLIC", true, List.of("windows", "linux"),
                "An agent offline for more than 15 minutes usually cannot reach the server. Check that the agent "
                        + "service runs and that the firewall allows outbound port 443.");
        en("patch", "Patch deployment fails with error 0x80070005", "patching", "PUBLIC", true, List.of("windows"),
                "Patch deployment needs local administrator rights on the target computer.");
        en("deployment-window", "Scheduling maintenance windows", "patching", "PUBLIC", true, List.of("windows"),
                "Plan the deployment so that every patch is installed outside office hours.");
        en("remote", "Remote control session cannot connect", "remote-control", "PUBLIC", true, List.of("macos"),
                "A remote control session needs the viewer and screen recording permission on macOS.");
        en("license-en", "License check fails after upgrade", "licensing", "PUBLIC", true, List.of("windows"),
                "After an upgrade the license key must be activated again.");
        en("script", "Script warnings in the console", "console", "PUBLIC", true, List.of("windows"),
                "The console shows a warning when a page contains <script>alert('x')</script> from a custom widget.");
        en("internal", "Agent offline escalation procedure", "agents", "INTERNAL", true, List.of("windows"),
                "Internal only: when an agent is offline for a key account, escalate to tier 2 at once.");
        en("draft", "Agent offline on macOS after update", "agents", "PUBLIC", false, List.of("macos"),
                "Draft: the agent goes offline on macOS after an operating system update.");
        de("backup", "Sicherung fehlgeschlagen", "backup", List.of("windows"),
                "Wenn eine Sicherung (Backup) fehlgeschlagen ist, prüfen Sie den freien Speicherplatz auf dem Ziel.");
        de("license-de", "Lizenzprüfung schlägt fehl", "licensing", List.of("windows"),
                "Die Lizenzprüfung meldet einen Fehler, wenn der Lizenzschlüssel abgelaufen ist.");
        de("agent-de", "Agent ist offline", "agents", List.of("linux"),
                "Ein Agent ist offline, wenn er den Server nicht erreicht. Prüfen Sie die Firewall.");
    }

    @Test
    void theRightArticleComesFirst() {
        assertThat(ids(search(CUSTOMER, "agent offline", "en")).get(0), equalTo(IDS.get("agent-offline")));
        assertThat(ids(search(CUSTOMER, "agent offline", null)).subList(0, 2),
                hasItems(IDS.get("agent-offline"), IDS.get("agent-de")));
        assertThat(ids(search(CUSTOMER, "remote control doesn't connect", null)).get(0), equalTo(IDS.get("remote")));
    }

    @Test
    void typosStillFind() {
        assertThat(ids(search(CUSTOMER, "agnet offlien", "en")).get(0), equalTo(IDS.get("agent-offline")));
        assertThat(ids(search(CUSTOMER, "licnese upgarde", null)).get(0), equalTo(IDS.get("license-en")));
    }

    @Test
    void germanWordFormsAndUmlautsMeet() {
        assertThat(ids(search(CUSTOMER, "Sicherungen schlagen fehl", "de")).get(0), equalTo(IDS.get("backup")));
        assertThat(ids(search(CUSTOMER, "Lizenzprüfung", "de")).get(0), equalTo(IDS.get("license-de")));
        assertThat(ids(search(CUSTOMER, "Lizenzpruefung", "de")).get(0), equalTo(IDS.get("license-de")));
        List<Map<String, Object>> hits = search(CUSTOMER, "lizenzprufung", null);
        assertThat(ranking(hits), ids(hits).get(0), equalTo(IDS.get("license-de")));
    }

    @Test
    void quotedPartsMustMatchAsPhrase() {
        assertThat(ids(search(CUSTOMER, "\"patch deployment\"", "en")), equalTo(List.of(IDS.get("patch"))));
        assertThat(ids(search(CUSTOMER, "patch deployment", "en")),
                hasItems(IDS.get("patch"), IDS.get("deployment-window")));
    }

    @Test
    void customersNeverFindInternalOrUnpublishedArticles() {
        List<String> forCustomer = ids(search(CUSTOMER, "agent offline", null));
        assertThat(forCustomer, not(hasItem(IDS.get("internal"))));
        assertThat(forCustomer, not(hasItem(IDS.get("draft"))));
        searchResponse(CUSTOMER, "agent offline", null).body("total", equalTo(forCustomer.size()))
                .body("facets.category.agents", equalTo(2));

        List<String> forStaff = ids(search(AGENT, "agent offline", null));
        assertThat(forStaff, hasItems(IDS.get("internal"), IDS.get("draft"), IDS.get("agent-offline")));
        searchResponse(AGENT, "agent offline", null).body("facets.category.agents", equalTo(4));
    }

    @Test
    void filtersNarrowTheHits() {
        given().auth().oauth2(CUSTOMER).queryParam("q", "offline agent firewall").queryParam("product", PRODUCT)
                .queryParam("platform", "linux").get("/api/kb/search")
                .then().statusCode(200)
                .body("hits.id", containsInAnyOrder(IDS.get("agent-de"), IDS.get("agent-offline")))
                .body("total", equalTo(2));
        given().auth().oauth2(CUSTOMER).queryParam("q", "fails fehl").queryParam("product", PRODUCT)
                .queryParam("category", "licensing").get("/api/kb/search")
                .then().statusCode(200)
                .body("hits.category", everyItem(equalTo("licensing")))
                .body("total", equalTo(2));
        searchResponse(CUSTOMER, "agent offline", "de").body("hits.language", everyItem(equalTo("de")));
        given().auth().oauth2(CUSTOMER).queryParam("q", "agent offline").queryParam("product", "no-such-product")
                .get("/api/kb/search").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void facetsCountEveryMatchNotOnlyTheReturnedOnes() {
        // Two words: an article with either matches (from three words on, at least half must match).
        given().auth().oauth2(CUSTOMER).queryParam("q", "offline patch").queryParam("product", PRODUCT)
                .queryParam("limit", "1").get("/api/kb/search")
                .then().statusCode(200)
                .body("hits.size()", equalTo(1))
                .body("facets.language.en", equalTo(3))
                .body("facets.language.de", equalTo(1))
                .body("facets.product.'" + PRODUCT + "'", equalTo(4))
                .body("facets.category.agents", equalTo(2))
                .body("facets.category.patching", equalTo(2))
                .body("total", equalTo(4));
    }

    @Test
    void fromThreeWordsOnAnArticleSharingOneCommonWordIsNoHit() {
        // "fails" alone would match the licence article; "agent offline fails" needs two of the three words.
        assertThat(ids(search(CUSTOMER, "agent offline fails", "en")),
                not(hasItem(IDS.get("license-en"))));
        assertThat(ids(search(CUSTOMER, "agent offline fails", "en")), hasItem(IDS.get("agent-offline")));
    }

    @Test
    void snippetsHighlightMatchesAndEscapeTheBody() {
        String snippet = searchResponse(CUSTOMER, "script widget", "en").extract().path("hits[0].snippet");
        assertThat(snippet, containsString("<mark>widget</mark>"));
        assertThat(snippet, containsString("&lt;"));
        assertThat(snippet, not(containsString("<script")));
    }

    @Test
    void malformedQueriesGetA400OrASensibleResultNeverA500() {
        given().auth().oauth2(CUSTOMER).queryParam("q", " ").get("/api/kb/search")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("q"));
        given().auth().oauth2(CUSTOMER).get("/api/kb/search")
                .then().statusCode(400).body("violations[0].field", equalTo("q"));
        given().auth().oauth2(CUSTOMER).queryParam("q", "a".repeat(501)).get("/api/kb/search")
                .then().statusCode(400).body("violations[0].field", equalTo("q"));
        given().auth().oauth2(CUSTOMER).queryParam("q", "x").queryParam("limit", "abc").get("/api/kb/search")
                .then().statusCode(400).body("violations[0].field", equalTo("limit"));
        given().auth().oauth2(CUSTOMER).queryParam("q", "x").queryParam("language", "fr").get("/api/kb/search")
                .then().statusCode(400).body("violations[0].field", equalTo("language"));

        assertThat(ids(search(CUSTOMER, "title:agent AND (offline", "en")).get(0), equalTo(IDS.get("agent-offline")));
        assertThat(ids(search(CUSTOMER, "\"agent offline", "en")).get(0), equalTo(IDS.get("agent-offline")));
        searchResponse(CUSTOMER, "*:* OR ~ ^3 \\ [a TO z] {} /regex/", null).statusCode(200);
        searchResponse(CUSTOMER, "the and of", "en").body("total", equalTo(0));
        StringBuilder manyWords = new StringBuilder();
        for (int i = 0; manyWords.length() < 480; i++) {
            manyWords.append("wort").append(i).append("abc ");
        }
        searchResponse(CUSTOMER, manyWords + "offline", null).statusCode(200);
        searchResponse(CUSTOMER, "\"".repeat(499), null).body("total", equalTo(0));
        // Typos only, each long enough for two edits: every word takes the fuzzy fallback, still answered.
        searchResponse(CUSTOMER, "agnetofflline pachdeploymnt licencecheeck remotcontroll", null);
    }

    @Test
    void aTenKilobyteQueryIsRefusedNotAFailure() {
        // Longer than the HTTP request line allows: refused before it reaches the resource (414), never a 500.
        int status = given().auth().oauth2(CUSTOMER).queryParam("q", "agent offline ".repeat(730))
                .get("/api/kb/search").then().extract().statusCode();
        assertThat(status, both(greaterThanOrEqualTo(400)).and(lessThan(500)));
    }

    @Test
    void aWriteIsFoundAtOnceAndARetiredArticleNotAtAll() {
        String id = create("en", "Dashboard tiles stay empty", "console", "PUBLIC", List.of("windows"),
                "The dashboard needs the reporting role.");
        assertThat(ids(search(AGENT, "dashboard tiles", null)), equalTo(List.of(id)));
        assertThat(ids(search(CUSTOMER, "dashboard tiles", null)), equalTo(List.of()));
        ArticleResourceTest.publish(id).statusCode(200);
        assertThat(ids(search(CUSTOMER, "dashboard tiles", null)), equalTo(List.of(id)));
        given().auth().oauth2(AGENT).post("/api/kb/articles/{id}/retire", id).then().statusCode(200);
        assertThat(ids(search(CUSTOMER, "dashboard tiles", null)), equalTo(List.of()));
    }

    static ValidatableResponse searchResponse(String token, String q, String language) {
        var request = given().auth().oauth2(token).queryParam("q", q).queryParam("product", PRODUCT);
        if (language != null) {
            request.queryParam("language", language);
        }
        return request.get("/api/kb/search").then().statusCode(200);
    }

    static List<Map<String, Object>> search(String token, String q, String language) {
        return searchResponse(token, q, language).extract().path("hits");
    }

    /** Titles and scores, to show the ranking when an expectation fails. */
    static String ranking(List<Map<String, Object>> hits) {
        return hits.stream().map(h -> h.get("title") + " (" + h.get("score") + ")").toList().toString();
    }

    static List<String> ids(List<Map<String, Object>> hits) {
        return hits.stream().map(h -> (String) h.get("id")).toList();
    }

    private static void en(String key, String title, String category, String visibility, boolean published,
            List<String> platforms, String body) {
        String id = create("en", title, category, visibility, platforms, body);
        if (published) {
            ArticleResourceTest.publish(id).statusCode(200);
        }
        IDS.put(key, id);
    }

    private static void de(String key, String title, String category, List<String> platforms, String body) {
        String id = create("de", title, category, "PUBLIC", platforms, body);
        ArticleResourceTest.publish(id).statusCode(200);
        IDS.put(key, id);
    }

    private static String create(String language, String title, String category, String visibility,
            List<String> platforms, String body) {
        Map<String, Object> article = new HashMap<>();
        article.put("title", title);
        article.put("body", body);
        article.put("language", language);
        article.put("products", List.of(Map.of("name", PRODUCT, "versions", List.of("12.1"))));
        article.put("platforms", platforms);
        article.put("category", category);
        article.put("tags", List.of());
        article.put("visibility", visibility);
        return given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(article)
                .post("/api/kb/articles").then().statusCode(201).extract().path("id");
    }
}
