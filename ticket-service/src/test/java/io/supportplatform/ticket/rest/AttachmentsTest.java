package io.supportplatform.ticket.rest;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.supportplatform.devstack.testing.KafkaTestResource;
import io.supportplatform.devstack.testing.OidcTestResource;
import io.supportplatform.devstack.testing.PostgresTestResource;
import io.supportplatform.devstack.testing.TestTokens;
import io.supportplatform.ticket.Filings;
import io.vertx.core.json.JsonObject;

/** Log files (P5.g) and screenshots (P5.h) on tickets and replies (issue 3, item 8). */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(OidcTestResource.class)
class AttachmentsTest {

    static final String ANNA = TestTokens.customer("anna", "100001");
    static final String BOB_OF_ANOTHER_ACCOUNT = TestTokens.customer("bob", "200002");
    static final String AGENT = TestTokens.agent("alex");
    static final long LIMIT = 25 * 1024 * 1024; // ticket.attachments.max-size-bytes
    static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489");
    static final byte[] LOG = "2026-11-28 09:00:01 ERROR E-401: license check failed\nÜberprüfung fehlgeschlagen\n"
            .getBytes(UTF_8);

    @TestHTTPResource("/")
    URL base;

    static String fileTicket() {
        return given().auth().oauth2(ANNA).contentType(ContentType.JSON)
                .body(Filings.complete("100001", 2, "Agents cannot log in", "Every login fails."))
                .when().post("/api/tickets").then().statusCode(201).extract().path("id");
    }

    static ExtractableResponse<Response> upload(String token, String path, String contentType, String fileName,
            byte[] content) {
        return given().auth().oauth2(token).contentType(contentType).queryParam("fileName", fileName).body(content)
                .when().post(path).then().extract();
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void aLogFileRoundTripsWithItsChecksumAndASafeName() throws Exception {
        String id = fileTicket();
        ExtractableResponse<Response> stored = upload(ANNA, "/api/tickets/" + id + "/attachments",
                "text/plain; charset=utf-8", "..\\..\\etc/\u0000server\n.log", LOG);
        assertEquals(201, stored.statusCode(), stored.asString());
        assertEquals(sha256(LOG), stored.path("sha256"));
        assertEquals("server.log", stored.path("fileName"));
        assertEquals("text/plain", stored.path("contentType"));
        assertEquals(LOG.length, (int) stored.path("sizeBytes"));
        assertEquals("anna", stored.path("uploadedBy"));
        String location = stored.header("Location");
        assertTrue(location.endsWith("/api/tickets/" + id + "/attachments/" + stored.path("id")), location);

        ExtractableResponse<Response> download = given().auth().oauth2(AGENT).when().get(location).then().extract();
        assertEquals(200, download.statusCode());
        assertArrayEquals(LOG, download.asByteArray());
        assertEquals("text/plain", download.contentType().split(";")[0]);
        assertEquals("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256(LOG))) + ":",
                download.header("Repr-Digest"));
        assertTrue(download.header("Content-Disposition").contains("filename=\"server.log\""));
        assertEquals("nosniff", download.header("X-Content-Type-Options"));
        // durably on disk under the configured directory, named by id, not by the user's file name
        assertArrayEquals(LOG, Files.readAllBytes(Path.of("target/test-attachments", id, stored.path("id"))));

        given().auth().oauth2(ANNA).when().get("/api/tickets/" + id + "/attachments")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].fileName", equalTo("server.log"));
    }

    @Test
    void theContentDecidesTheTypeNotTheDeclaration() throws Exception {
        String path = "/api/tickets/" + fileTicket() + "/attachments";
        ExtractableResponse<Response> screenshot = upload(ANNA, path, "image/png", "screen.png", PNG);
        assertEquals(201, screenshot.statusCode(), screenshot.asString());
        assertEquals("image/png", screenshot.path("contentType"));
        // "some bytes" is fine when the bytes are an accepted type
        assertEquals("image/png", upload(ANNA, path, "application/octet-stream", "shot", PNG).path("contentType"));
        assertEquals("text/x-log", upload(ANNA, path, "text/x-log", "a.log", LOG).path("contentType"));

        for (Map.Entry<String, byte[]> refused : List.of(
                Map.entry("image/png", LOG),                                      // text posing as a screenshot
                Map.entry("text/plain", PNG),                                     // a picture posing as text
                Map.entry("application/octet-stream", new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0 }), // a program
                Map.entry("application/x-msdownload", LOG))) {                    // a type never accepted
            upload(ANNA, path, refused.getKey(), "x", refused.getValue()).response().then()
                    .statusCode(415).contentType("application/problem+json");
        }
    }

    @Test
    void tooLargeIsRefusedWith413BeforeOrWhileItStreams() throws Exception {
        String path = "/api/tickets/" + fileTicket() + "/attachments";
        // announced too large: refused before a byte is read
        HttpResponse<String> announced = send(path, HttpRequest.BodyPublishers.ofByteArray(new byte[(int) LIMIT + 1]));
        assertEquals(413, announced.statusCode(), announced.body());
        assertTrue(announced.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        // chunked, no length: counted while it streams; nothing is left behind
        HttpResponse<String> streamed = send(path, HttpRequest.BodyPublishers.ofInputStream(() -> new TextStream(LIMIT + 1)));
        assertEquals(413, streamed.statusCode(), streamed.body());
        try (Stream<Path> incoming = Files.list(Path.of("target/test-attachments/.incoming"))) {
            assertEquals(0, incoming.count(), "no partial upload left");
        }
        // exactly the limit is fine
        HttpResponse<String> atLimit = send(path, HttpRequest.BodyPublishers.ofInputStream(() -> new TextStream(LIMIT)));
        assertEquals(201, atLimit.statusCode(), atLimit.body());
        assertEquals(LIMIT, new JsonObject(atLimit.body()).getLong("sizeBytes"));
    }

    @Test
    void aWrongChecksumIsRefusedAndARightOneAccepted() throws Exception {
        String path = "/api/tickets/" + fileTicket() + "/attachments";
        String right = "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(LOG)) + ":";
        String wrong = "sha-256=:" + Base64.getEncoder().encodeToString(new byte[32]) + ":";
        given().auth().oauth2(ANNA).contentType("text/plain").header("Repr-Digest", wrong).queryParam("fileName", "a.log")
                .body(LOG).when().post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Repr-Digest"));
        given().auth().oauth2(ANNA).contentType("text/plain").header("Repr-Digest", right).queryParam("fileName", "a.log")
                .body(LOG).when().post(path)
                .then().statusCode(201).body("sha256", equalTo(sha256(LOG)));
    }

    @Test
    void customersSeeTheirAccountsFilesOnlyAndNeverThoseOfInternalNotes() {
        String id = fileTicket();
        String ticket = "/api/tickets/" + id;
        String note = given().auth().oauth2(AGENT).contentType(ContentType.JSON)
                .body(Map.of("body", "Heap dump attached.", "visibility", "INTERNAL"))
                .when().post(ticket + "/replies").then().statusCode(201).extract().path("id");
        String agentsPublic = given().auth().oauth2(AGENT).contentType(ContentType.JSON)
                .body(Map.of("body", "Please send a screenshot."))
                .when().post(ticket + "/replies").then().statusCode(201).extract().path("id");
        String annasReply = given().auth().oauth2(ANNA).contentType(ContentType.JSON)
                .body(Map.of("body", "Here it is."))
                .when().post(ticket + "/replies").then().statusCode(201).extract().path("id");

        String internal = upload(AGENT, ticket + "/replies/" + note + "/attachments", "text/plain", "heap.txt", LOG)
                .response().then().statusCode(201).body("replyId", equalTo(note)).extract().path("id");
        upload(ANNA, ticket + "/replies/" + annasReply + "/attachments", "image/png", "screen.png", PNG)
                .response().then().statusCode(201).body("replyId", equalTo(annasReply));
        // customers attach to their own replies, and cannot even see the internal note
        upload(ANNA, ticket + "/replies/" + agentsPublic + "/attachments", "image/png", "x.png", PNG)
                .response().then().statusCode(403);
        upload(ANNA, ticket + "/replies/" + note + "/attachments", "image/png", "x.png", PNG)
                .response().then().statusCode(404);

        given().auth().oauth2(AGENT).when().get(ticket + "/attachments").then().statusCode(200)
                .body("fileName", equalTo(List.of("heap.txt", "screen.png")));
        given().auth().oauth2(ANNA).when().get(ticket + "/attachments").then().statusCode(200)
                .body("fileName", equalTo(List.of("screen.png")));
        given().auth().oauth2(ANNA).when().get(ticket + "/attachments/" + internal).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(AGENT).when().get(ticket + "/attachments/" + internal).then().statusCode(200);

        // another account: the ticket does not exist for them
        upload(BOB_OF_ANOTHER_ACCOUNT, ticket + "/attachments", "image/png", "x.png", PNG).response().then()
                .statusCode(404).body("detail", containsString(id));
        given().auth().oauth2(BOB_OF_ANOTHER_ACCOUNT).when().get(ticket + "/attachments").then().statusCode(404);
        given().auth().oauth2(BOB_OF_ANOTHER_ACCOUNT).when().get(ticket + "/attachments/" + internal).then()
                .statusCode(404);
        given().when().get(ticket + "/attachments").then().statusCode(401);
    }

    @Test
    void aClosedTicketTakesNoMoreFiles() {
        String id = fileTicket();
        for (String status : List.of("OPEN", "RESOLVED", "CLOSED")) {
            given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(Map.of("status", status))
                    .when().post("/api/tickets/" + id + "/status").then().statusCode(200);
        }
        upload(ANNA, "/api/tickets/" + id + "/attachments", "image/png", "late.png", PNG).response().then()
                .statusCode(409).body("detail", endsWith("file a new ticket."));
    }

    private HttpResponse<String> send(String path, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path + "?fileName=big.log"))
                .header("Authorization", "Bearer " + ANNA).header("Content-Type", "text/plain")
                .POST(body).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code size} bytes of log text, generated as read (nothing held in memory). */
    static final class TextStream extends InputStream {
        private long left;

        TextStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 'a' + (int) (left % 26) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }
}
