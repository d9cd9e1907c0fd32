package io.supportplatform.kb;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.supportplatform.devstack.testing.TestTokens;

/** Writing articles through the API, as an agent, for tests that need some to exist. */
public final class TestArticles {

    public static final String AGENT = TestTokens.agent("alex");

    private TestArticles() {
    }

    public static Map<String, Object> article(String title, String body, String product, String visibility) {
        Map<String, Object> article = new HashMap<>();
        article.put("title", title);
        article.put("body", body);
        article.put("language", "en");
        article.put("products", List.of(Map.of("name", product, "versions", List.of("12.1"))));
        article.put("platforms", List.of("windows"));
        article.put("category", "general");
        article.put("tags", List.of("test"));
        article.put("visibility", visibility);
        return article;
    }

    /** @return the new draft's id */
    public static String create(Map<String, Object> article) {
        return given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(article)
                .post("/api/kb/articles").then().statusCode(201).extract().path("id");
    }

    /** Creates and publishes; @return the id */
    public static String published(Map<String, Object> article) {
        String id = create(article);
        given().auth().oauth2(AGENT).post("/api/kb/articles/{id}/publish", id).then().statusCode(200);
        return id;
    }
}
