package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.WorkRequests.AGENT;
import static io.supportplatform.ticket.WorkRequests.ANNA;
import static io.supportplatform.ticket.WorkRequests.BOB_OF_ANOTHER_ACCOUNT;
import static io.supportplatform.ticket.WorkRequests.changeStatus;
import static io.supportplatform.ticket.WorkRequests.fileTicket;
import static io.supportplatform.ticket.WorkRequests.get;
import static io.supportplatform.ticket.WorkRequests.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;

/** Support links knowledge-base articles to a ticket; they travel in ticket-resolved. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class LinkedArticleTest {

    static ValidatableResponse unlink(String token, String path) {
        return given().auth().oauth2(token).when().delete(path).then();
    }

    @Test
    void supportLinksAndUnlinksAndLinkingTwiceChangesNothing() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/articles";
        post(AGENT, path + "/kb-4711", Map.of()).statusCode(201)
                .body("articleId", equalTo("kb-4711")).body("linkedBy", equalTo("alex"));
        post(AGENT, path + "/kb-4711", Map.of()).statusCode(200).body("articleId", equalTo("kb-4711"));
        post(AGENT, path + "/" + "a".repeat(64), Map.of()).statusCode(201);

        get(ANNA, path).statusCode(200).body("articleId", equalTo(List.of("kb-4711", "a".repeat(64))));

        unlink(AGENT, path + "/kb-4711").statusCode(204);
        unlink(AGENT, path + "/kb-4711").statusCode(404).contentType("application/problem+json");
        get(AGENT, path).statusCode(200).body("articleId", equalTo(List.of("a".repeat(64))));
    }

    @Test
    void articleIdsAreAtMost64CharactersWithoutSpaces() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/articles";
        post(AGENT, path + "/" + "a".repeat(65), Map.of()).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("articleId")));
        given().auth().oauth2(AGENT).pathParam("articleId", "kb 4711")
                .when().post(path + "/{articleId}")
                .then().statusCode(400).body("violations.field", equalTo(List.of("articleId")));
        get(AGENT, path).statusCode(200).body("", hasSize(0));
    }

    @Test
    void customersReadButDoNotLinkAndOthersTicketsAreNotFound() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/articles";
        post(ANNA, path + "/kb-1", Map.of()).statusCode(403).contentType("application/problem+json");
        unlink(ANNA, path + "/kb-1").statusCode(403);
        get(BOB_OF_ANOTHER_ACCOUNT, path).statusCode(404);
        post(AGENT, "/api/tickets/00000000-0000-4000-8000-000000000000/articles/kb-1", Map.of()).statusCode(404);
    }

    @Test
    void closedTicketsKeepTheirLinks() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/articles";
        post(AGENT, path + "/kb-1", Map.of()).statusCode(201);
        changeStatus(id, "OPEN", "Taken");
        changeStatus(id, "RESOLVED", "Fixed");
        changeStatus(id, "CLOSED", "Done");
        post(AGENT, path + "/kb-2", Map.of()).statusCode(409);
        unlink(AGENT, path + "/kb-1").statusCode(409);
        get(AGENT, path).statusCode(200).body("articleId", equalTo(List.of("kb-1")));
    }
}
