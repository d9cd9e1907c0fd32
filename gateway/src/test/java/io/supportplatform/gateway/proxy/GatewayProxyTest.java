package io.supportplatform.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.TestTokens;

@QuarkusTest
@WithTestResource(OidcTestResource.class)
@WithTestResource(EchoUpstreams.class)
class GatewayProxyTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void streamsPathQueryBodyAndCredentialsUnchangedToTheService() {
        String token = TestTokens.agent("alex");
        // Large enough to span many network reads; non-ASCII to catch re-encoding.
        byte[] body = ("{\"text\":\"" + "Störung im Rechenzentrum. ".repeat(12_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        given().urlEncodingEnabled(false)
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "req-4711")
                .contentType("application/json")
                .body(body)
                .post("/api/tickets/T-42/updates?visibility=public&q=a%20b%C3%A4")
                .then()
                .statusCode(201)
                .header("X-Upstream", "tickets")
                .header("X-Request-Id", "req-4711")
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/tickets/T-42/updates?visibility=public&q=a%20b%C3%A4"))
                .body("bodyLength", equalTo(body.length))
                .body("bodySha256", equalTo(EchoUpstreams.sha256(body)))
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("headers.x-request-id", equalTo("req-4711"))
                .body("headers.content-type", containsString("application/json"))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", containsString("localhost:"));
    }

    @Test
    void letsAnUploadWaitingFor100ContinueSendItsBodyOnceAdmitted() throws Exception {
        byte[] body = "attachment bytes ".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder upload = HttpRequest.newBuilder(gateway.resolve("/api/tickets/T-7/attachments"))
                .expectContinue(true)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));

        HttpResponse<String> admitted = client.send(
                upload.copy().header("Authorization", "Bearer " + TestTokens.agent("alex")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, admitted.statusCode());
        JsonPath echo = JsonPath.from(admitted.body());
        assertEquals(body.length, echo.getInt("bodyLength"));
        assertEquals(EchoUpstreams.sha256(body), echo.getString("bodySha256"));

        // Not admitted: the final answer comes at once, without "100 Continue", so the body is never sent.
        // (Raw socket: the JDK 17 client waits forever when the answer to an Expect request is not 100.)
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("POST /api/tickets/T-7/attachments HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: " + body.length
                    + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertEquals("HTTP/1.1 401 Unauthorized", answer.readLine());
        }
    }

    @Test
    void givesARequestWithoutIdOneAndEchoesItToTheClient() {
        ValidatableResponse response = given()
                .auth().oauth2(TestTokens.customer("anna", "100001"))
                .get("/api/kb/articles")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
        String id = response.extract().header("X-Request-Id");
        response.body("headers.x-request-id", equalTo(id));
    }

    @Test
    void replacesAnImplausibleRequestId() {
        given().auth().oauth2(TestTokens.agent("alex"))
                .header("X-Request-Id", "no spaces or <tags> allowed")
                .get("/api/kb/articles")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .body("headers.x-request-id", matchesPattern(UUID_PATTERN));
    }

    @ParameterizedTest
    @CsvSource({
            "/api/tickets, tickets",
            "/api/tickets/T-1, tickets",
            "/api/sla/clocks?ticket=T-1, sla",
            "/api/kb/articles/a-1, kb",
            "/api/contacts/c-7, contacts",
            "/api/accounts/100001/contacts, contacts" })
    void routesEachAreaToItsService(String path, String upstream) {
        given().urlEncodingEnabled(false)
                .auth().oauth2(TestTokens.user("ada", "admin"))
                .get(path)
                .then()
                .statusCode(200)
                .header("X-Upstream", upstream)
                .body("uri", equalTo(path));
    }

    @Test
    void answersMissingTokenWith401ProblemWithoutAskingTheService() {
        int before = receivedBy("tickets");
        given().header("X-Request-Id", "req-401")
                .get("/api/tickets/T-1")
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", "Bearer")
                .header("X-Request-Id", "req-401")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("instance", equalTo("/api/tickets/T-1"))
                .body("requestId", equalTo("req-401"));
        assertEquals(before, receivedBy("tickets"));
    }

    @Test
    void answersInvalidTokensWith401Problem() {
        String token = TestTokens.agent("alex");
        // Same claims, broken signature: the gateway must check the signature, not just decode.
        char last = token.charAt(token.length() - 5);
        String tampered = token.substring(0, token.length() - 5) + (last == 'A' ? 'B' : 'A') + token.substring(token.length() - 4);
        for (String bad : new String[] { tampered, "not-a-jwt" }) {
            given().auth().oauth2(bad)
                    .get("/api/kb/articles")
                    .then()
                    .statusCode(401)
                    .contentType(PROBLEM_JSON)
                    .body("status", equalTo(401))
                    .body("requestId", notNullValue());
        }
    }

    @Test
    void answersARoleTheRouteDoesNotAdmitWith403Problem() {
        int before = receivedBy("tickets");
        given().auth().oauth2(TestTokens.user("olga", "ops"))
                .contentType("application/json")
                .body("{\"subject\":\"ops may not file tickets\"}")
                .post("/api/tickets")
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"))
                .body("instance", equalTo("/api/tickets"));
        assertEquals(before, receivedBy("tickets"));
        // The same user is admitted where ops belongs.
        given().auth().oauth2(TestTokens.user("olga", "ops"))
                .get("/api/sla/breaches")
                .then()
                .statusCode(200)
                .header("X-Upstream", "sla");
    }

    @Test
    void answersUnknownApiPathsWith404ProblemOnlyAfterAuthentication() {
        given().get("/api/unknown/things").then().statusCode(401).contentType(PROBLEM_JSON);
        given().auth().oauth2(TestTokens.agent("alex"))
                .get("/api/unknown/things")
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404));
        // A look-alike prefix is not the tickets route.
        given().auth().oauth2(TestTokens.agent("alex"))
                .get("/api/ticketsXYZ")
                .then()
                .statusCode(404)
                .header("X-Upstream", nullValue());
    }

    @Test
    void answersAServiceThatIsDownWith503Problem() {
        given().auth().oauth2(TestTokens.agent("alex"))
                .header("X-Request-Id", "req-503")
                .get("/api/notifications/preferences")
                .then()
                .statusCode(503)
                .contentType(PROBLEM_JSON)
                .header("X-Request-Id", "req-503")
                .body("status", equalTo(503))
                .body("title", equalTo("Service Unavailable"))
                .body("instance", equalTo("/api/notifications/preferences"))
                .body("requestId", equalTo("req-503"));
    }

    @Test
    void answersAServiceThatDoesNotAnswerInTimeWith504Problem() {
        // %test sets the upstream idle timeout to 1 s; the stand-in takes 5 s.
        given().auth().oauth2(TestTokens.agent("alex"))
                .get("/api/kb/slow")
                .then()
                .time(lessThan(4L), TimeUnit.SECONDS)
                .statusCode(504)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(504))
                .body("title", equalTo("Gateway Timeout"));
    }

    private static int receivedBy(String upstream) {
        String url = ConfigProvider.getConfig().getValue("gateway.routes." + upstream + ".url", String.class);
        return given().baseUri(url).port(-1).get(EchoUpstreams.COUNT_PATH).then().statusCode(200)
                .extract().path("received");
    }
}
