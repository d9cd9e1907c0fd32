package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.WorkRequests.AGENT;
import static io.supportplatform.ticket.WorkRequests.ANNA;
import static io.supportplatform.ticket.WorkRequests.BOB_OF_ANOTHER_ACCOUNT;
import static io.supportplatform.ticket.WorkRequests.changeStatus;
import static io.supportplatform.ticket.WorkRequests.fileTicket;
import static io.supportplatform.ticket.WorkRequests.get;
import static io.supportplatform.ticket.WorkRequests.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;

/** The customer grants support access to their system for a ticket, with expiry and revocation (P7.1). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class SupportAccessTest {

    static Map<String, Object> grant(Instant expiresAt) {
        return Map.of("scope", "Remote session via the support login, server app01", "expiresAt",
                expiresAt.toString());
    }

    static String grantId(String ticketId, Instant expiresAt) {
        return post(ANNA, "/api/tickets/" + ticketId + "/support-access", grant(expiresAt)).statusCode(201)
                .extract().path("id");
    }

    @Test
    void theCustomerGrantsAndRevokesAndSupportSeesActiveGrants() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/support-access";
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String first = post(ANNA, path, grant(tomorrow)).statusCode(201)
                .body("grantedBy", equalTo("anna"))
                .body("expiresAt", equalTo(tomorrow.toString()))
                .body("state", equalTo("ACTIVE"))
                .body("active", equalTo(true))
                .extract().path("id");
        String second = grantId(id, tomorrow.plus(1, ChronoUnit.DAYS));

        get(AGENT, path + "?active=true").statusCode(200).body("id", equalTo(List.of(first, second)));

        post(ANNA, path + "/" + first + "/revocation", Map.of()).statusCode(200)
                .body("state", equalTo("REVOKED")).body("active", equalTo(false)).body("revokedBy", equalTo("anna"));
        post(ANNA, path + "/" + first + "/revocation", Map.of()).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("REVOKED"));

        get(AGENT, path + "?active=true").statusCode(200).body("id", equalTo(List.of(second)));
        get(AGENT, path).statusCode(200).body("state", equalTo(List.of("REVOKED", "ACTIVE")));
    }

    @Test
    void aGrantIsActiveOnlyUntilItExpires() throws Exception {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/support-access";
        String grant = grantId(id, Instant.now().plus(3, ChronoUnit.SECONDS));
        get(AGENT, path + "?active=true").statusCode(200).body("id", equalTo(List.of(grant)));

        Thread.sleep(Duration.ofSeconds(4).toMillis());

        get(AGENT, path + "?active=true").statusCode(200).body("", hasSize(0));
        get(ANNA, path).statusCode(200).body("state", equalTo(List.of("EXPIRED")))
                .body("active", equalTo(List.of(false)));
        post(ANNA, path + "/" + grant + "/revocation", Map.of()).statusCode(409)
                .body("detail", containsString("EXPIRED"));
    }

    @Test
    void onlyTheCustomerGrantsAndRevokes() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/support-access";
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        post(AGENT, path, grant(tomorrow)).statusCode(403).contentType("application/problem+json");
        String grant = grantId(id, tomorrow);
        post(AGENT, path + "/" + grant + "/revocation", Map.of()).statusCode(403);
        get(AGENT, path + "?active=true").statusCode(200).body("", hasSize(1));
    }

    @Test
    void anotherAccountsTicketAndGrantAreNotFound() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/support-access";
        String grant = grantId(id, Instant.now().plus(1, ChronoUnit.DAYS));
        post(BOB_OF_ANOTHER_ACCOUNT, path, grant(Instant.now().plus(1, ChronoUnit.DAYS))).statusCode(404)
                .contentType("application/problem+json");
        get(BOB_OF_ANOTHER_ACCOUNT, path).statusCode(404);
        post(BOB_OF_ANOTHER_ACCOUNT, path + "/" + grant + "/revocation", Map.of()).statusCode(404);

        // a grant of one ticket is not found under another ticket of the same account
        String otherTicket = fileTicket();
        post(ANNA, "/api/tickets/" + otherTicket + "/support-access/" + grant + "/revocation", Map.of())
                .statusCode(404);
        post(ANNA, path + "/" + UUID.randomUUID() + "/revocation", Map.of()).statusCode(404);
        post(ANNA, path + "/not-a-grant/revocation", Map.of()).statusCode(404);
        get(ANNA, path + "?active=true").statusCode(200).body("id", equalTo(List.of(grant)));
    }

    @Test
    void expiryMustLieAheadWithinTheMaximumAndClosedTicketsTakeNoGrants() {
        String id = fileTicket();
        String path = "/api/tickets/" + id + "/support-access";
        post(ANNA, path, grant(Instant.now().minus(1, ChronoUnit.MINUTES))).statusCode(400)
                .body("violations.field", equalTo(List.of("expiresAt")));
        post(ANNA, path, grant(Instant.now().plus(31, ChronoUnit.DAYS))).statusCode(400)
                .body("violations[0].message", containsString("30 days"));
        post(ANNA, path, Map.of("scope", " ")).statusCode(400)
                .body("violations.field", equalTo(List.of("expiresAt", "scope")));
        changeStatus(id, "OPEN", "Taken");
        changeStatus(id, "RESOLVED", "Fixed");
        changeStatus(id, "CLOSED", "Done");
        post(ANNA, path, grant(Instant.now().plus(1, ChronoUnit.DAYS))).statusCode(409);
        get(ANNA, path).statusCode(200).body("", hasSize(0));
    }
}
