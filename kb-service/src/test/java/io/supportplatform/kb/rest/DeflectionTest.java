package io.supportplatform.kb.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.kb.MessagingProfile;
import io.supportplatform.kb.TestArticles;

/**
 * Deflection (issue 6 item 3, P14.b, P1.2): suggestions for a request being written, only ever published
 * public articles; views and "this solved my problem" votes per article.
 */
@QuarkusTest
@TestProfile(MessagingProfile.class)
class DeflectionTest {

    static final String CUSTOMER = TestTokens.customer("anna", "100001");
    static final String OTHER_CUSTOMER = TestTokens.customer("jonas", "100002");
    static final String PRODUCT = "Deflection-" + UUID.randomUUID();
    static final String ERROR = "Error 0x8007A1B2: access to the update cache was denied";
    static final Map<String, String> IDS = new HashMap<>();

    @BeforeEach
    void writeCorpusOnce() {
        if (!IDS.isEmpty()) {
            return;
        }
        IDS.put("quotes-error", TestArticles.published(TestArticles.article("Patches are not installed",
                "When the agent reports `" + ERROR + "`, give the agent service account write access to the cache.",
                PRODUCT, "PUBLIC")));
        IDS.put("overview", TestArticles.published(TestArticles.article("Patch deployment fails: an overview",
                "Patch deployment fails for many reasons. Patch deployment needs disk space and a reachable server.",
                PRODUCT, "PUBLIC")));
        IDS.put("internal", TestArticles.published(TestArticles.article("Patch deployment fails (support only)",
                "Known defect behind " + ERROR + ": patch the cache ACL by hand.", PRODUCT, "INTERNAL")));
        IDS.put("draft", TestArticles.create(TestArticles.article("Patch deployment fails: draft",
                "Draft about " + ERROR, PRODUCT, "PUBLIC")));
        String retired = TestArticles.published(TestArticles.article("Patch deployment fails in 11.x",
                "Old advice for " + ERROR, PRODUCT, "PUBLIC"));
        given().auth().oauth2(TestArticles.AGENT).post("/api/kb/articles/{id}/retire", retired).then().statusCode(200);
        IDS.put("retired", retired);
        // The same advice for two platforms; the Windows one is older, so it wins every tie.
        Map<String, Object> windows = TestArticles.article("Remote control session stays black",
                "The remote control viewer shows a black screen.", PRODUCT, "PUBLIC");
        IDS.put("black-windows", TestArticles.published(windows));
        Map<String, Object> mac = TestArticles.article("Remote control session stays black",
                "The remote control viewer shows a black screen.", PRODUCT, "PUBLIC");
        mac.put("platforms", List.of("macos"));
        IDS.put("black-macos", TestArticles.published(mac));
    }

    @Test
    void theArticleQuotingTheErrorMessageComesFirstAndNothingUnpublishedOrInternalIsEverSuggested() {
        Map<String, Object> draft = draft("Patch deployment fails",
                "Since yesterday no patches are installed on our servers.", List.of(ERROR));
        for (String token : List.of(CUSTOMER, TestArticles.AGENT)) {
            List<String> ids = suggest(token, draft).statusCode(200).extract().jsonPath().getList("suggestions.id");
            assertThat(ids.get(0), equalTo(IDS.get("quotes-error")));
            assertThat(ids, hasItem(IDS.get("overview")));
            for (String never : List.of("internal", "draft", "retired")) {
                assertThat(never + " must never be suggested", ids, not(hasItem(IDS.get(never))));
            }
        }
        // Without the error message the overview, matching the subject best, leads.
        List<String> ids = suggest(CUSTOMER, draft("Patch deployment fails", null, List.of()))
                .statusCode(200).extract().jsonPath().getList("suggestions.id");
        assertThat(ids.get(0), equalTo(IDS.get("overview")));
    }

    @Test
    void theCustomersPlatformLiftsTheArticleForIt() {
        Map<String, Object> draft = draft("Remote control shows a black screen", null, List.of());
        assertThat(suggest(CUSTOMER, draft).extract().path("suggestions[0].id"), equalTo(IDS.get("black-windows")));
        draft.put("platform", "macos");
        assertThat(suggest(CUSTOMER, draft).extract().path("suggestions[0].id"), equalTo(IDS.get("black-macos")));
    }

    @Test
    void badDraftsAre400AndOddTextIsJustText() {
        given().auth().oauth2(CUSTOMER).contentType(ContentType.JSON).post("/api/kb/suggestions")
                .then().statusCode(400).contentType("application/problem+json");
        suggest(CUSTOMER, draft(" ", null, List.of())).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("subject"));
        suggest(CUSTOMER, draft("x".repeat(201), null, List.of())).statusCode(400).body("violations.field", hasItem("subject"));
        suggest(CUSTOMER, draft("Patch", null, Collections.nCopies(11, ERROR))).statusCode(400)
                .body("violations.field", hasItem("errorMessages"));
        Map<String, Object> limit = draft("Patch", null, List.of());
        limit.put("limit", 0);
        suggest(CUSTOMER, limit).statusCode(400).body("violations.field", hasItem("limit"));
        Map<String, Object> language = draft("Patch", null, List.of());
        language.put("language", "fr");
        suggest(CUSTOMER, language).statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(draft("Patch", null, List.of())).post("/api/kb/suggestions")
                .then().statusCode(401);
        // Query syntax, unbalanced quotes and long text are words, never a 500.
        suggest(CUSTOMER, draft("title:patch AND (\"deployment", "x".repeat(19_000) + " \" OR *:* ~2 ^3",
                List.of("\"unbalanced", "*", "\\", "a".repeat(2_000)))).statusCode(200);
    }

    @Test
    void readsCountViewsAndEveryUserHasOneChangeableVote() {
        String id = IDS.get("overview");
        long before = given().auth().oauth2(CUSTOMER).get("/api/kb/articles/{id}", id).then().statusCode(200)
                .extract().jsonPath().getLong("feedback.views");
        given().auth().oauth2(CUSTOMER).get("/api/kb/articles/{id}", id).then().statusCode(200)
                .body("feedback.views", equalTo((int) before + 1));

        vote(CUSTOMER, id, true).statusCode(200).body("helpfulVotes", equalTo(1)).body("notHelpfulVotes", equalTo(0));
        vote(CUSTOMER, id, false).statusCode(200).body("helpfulVotes", equalTo(0)).body("notHelpfulVotes", equalTo(1));
        vote(OTHER_CUSTOMER, id, true).statusCode(200).body("helpfulVotes", equalTo(1)).body("notHelpfulVotes", equalTo(1));
        given().auth().oauth2(CUSTOMER).get("/api/kb/articles/{id}", id).then().statusCode(200)
                .body("feedback.helpfulVotes", equalTo(1)).body("feedback.notHelpfulVotes", equalTo(1));
    }

    @Test
    void votesNeedAPublishedArticleTheVoterMayRead() {
        vote(CUSTOMER, IDS.get("internal"), true).statusCode(404).contentType("application/problem+json");
        vote(CUSTOMER, IDS.get("draft"), true).statusCode(404);
        vote(TestArticles.AGENT, IDS.get("draft"), true).statusCode(409).contentType("application/problem+json");
        vote(CUSTOMER, UUID.randomUUID().toString(), true).statusCode(404);
        given().auth().oauth2(CUSTOMER).contentType(ContentType.JSON).body(Map.of())
                .post("/api/kb/articles/{id}/votes", IDS.get("overview"))
                .then().statusCode(400).body("violations.field", hasItem("helpful"));
        given().contentType(ContentType.JSON).body(Map.of("helpful", true))
                .post("/api/kb/articles/{id}/votes", IDS.get("overview")).then().statusCode(401);
        given().auth().oauth2(CUSTOMER).get("/api/kb/articles/{id}", IDS.get("internal")).then().statusCode(404);
    }

    static ValidatableResponse suggest(String token, Map<String, Object> draft) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(draft).post("/api/kb/suggestions").then();
    }

    static ValidatableResponse vote(String token, String id, boolean helpful) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("helpful", helpful))
                .post("/api/kb/articles/{id}/votes", id).then();
    }

    static Map<String, Object> draft(String subject, String description, List<String> errorMessages) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("subject", subject);
        if (description != null) {
            draft.put("description", description);
        }
        draft.put("errorMessages", errorMessages);
        draft.put("product", PRODUCT);
        return draft;
    }
}
