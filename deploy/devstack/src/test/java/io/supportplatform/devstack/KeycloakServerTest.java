package io.supportplatform.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real Keycloak with {@code deploy/keycloak/support-realm.json}. Slow (15-30 s per start, about 100 s the
 * first time on a host); run alone with {@code ./mvnw -pl deploy/devstack test -Dtest=KeycloakServerTest}.
 */
class KeycloakServerTest {

    private static final Path REALM_FILE = Path.of("../keycloak/support-realm.json").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void issuesRealmTokensWithRolesAndSystemIdAndLeavesNothingBehindOnClose() throws Exception {
        long began = System.nanoTime();
        KeycloakServer keycloak = KeycloakServer.start(dir, 0, 0, REALM_FILE);
        long startMillis = (System.nanoTime() - began) / 1_000_000;
        List<ProcessHandle> processes;
        try {
            processes = processGroup(keycloak.pid());
            System.out.printf("Keycloak started in %d ms, server RSS %d MB%n", startMillis, serverRssMegabytes(processes));

            JsonObject anna = claims(passwordGrant(keycloak, "anna", "demo"));
            assertEquals(keycloak.issuerUrl(), anna.getString("iss"));
            assertEquals("anna", anna.getString("preferred_username"));
            assertEquals(List.of("customer"), realmRoles(anna));
            assertEquals("100001", anna.getString("system_id"), "system_id is a string claim");

            assertEquals("200002", claims(passwordGrant(keycloak, "maria", "demo")).getString("system_id"));

            JsonObject agent = claims(passwordGrant(keycloak, "agent", "demo"));
            assertEquals(List.of("agent"), realmRoles(agent));
            assertFalse(agent.containsKey("system_id"), "staff belong to no customer account");

            assertEquals(List.of("agent", "tier2"), realmRoles(claims(passwordGrant(keycloak, "tier2", "demo"))));

            HttpResponse<String> refused = postForm(keycloak.tokenEndpoint(), Map.of("grant_type", "password",
                    "client_id", "support-portal", "username", "anna", "password", "wrong"));
            assertEquals(400, refused.statusCode(), refused.body()); // RFC 6749 5.2: invalid_grant is a 400
            assertEquals("invalid_grant", json(refused.body()).getString("error"));

            HttpResponse<String> service = postForm(keycloak.tokenEndpoint(), Map.of("grant_type",
                    "client_credentials", "client_id", "support-services", "client_secret", "support-services-secret"));
            assertEquals(200, service.statusCode(), service.body());
            JsonObject serviceClaims = claims(json(service.body()).getString("access_token"));
            assertEquals("support-services", serviceClaims.getString("azp"));
            assertEquals(List.of("agent"), realmRoles(serviceClaims));

            HttpResponse<String> wrongSecret = postForm(keycloak.tokenEndpoint(), Map.of("grant_type",
                    "client_credentials", "client_id", "support-services", "client_secret", "guessed"));
            assertEquals(401, wrongSecret.statusCode(), wrongSecret.body());
        } finally {
            keycloak.close();
        }

        for (ProcessHandle p : processes) {
            assertFalse(p.isAlive(), "process " + p.pid() + " " + p.info().command().orElse("") + " gone after close");
        }
        assertFalse(Ports.inUse(keycloak.httpPort()), "HTTP port closed");
        assertFalse(Ports.inUse(keycloak.managementPort()), "management port closed");
    }

    @Test
    void aChangedRealmFileIsImportedOnceAndEveryStartBeginsWithTheRealmAsTheFileSays() throws Exception {
        // A user no earlier run knew, so this realm file is new to the host-wide database snapshots.
        String probe = "probe-" + Long.toHexString(System.nanoTime());
        Path realmFile = dir.resolve("support-realm.json");
        Files.writeString(realmFile, withUser(Files.readString(REALM_FILE), probe));
        Path dataDir = dir.resolve("keycloak");
        try {
            deleteJonasThenRestart(realmFile, dataDir, probe);
        } finally {
            KeycloakServer.discardSnapshot(realmFile);
        }
    }

    private static void deleteJonasThenRestart(Path realmFile, Path dataDir, String probe) throws Exception {
        try (KeycloakServer keycloak = KeycloakServer.start(dataDir, 0, 0, realmFile)) {
            assertEquals(probe, claims(passwordGrant(keycloak, probe, "demo")).getString("preferred_username"));
            // The master realm's bootstrap admin removes jonas through the admin API.
            String admin = token(postForm(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token",
                    Map.of("grant_type", "password", "client_id", "admin-cli",
                            "username", KeycloakServer.ADMIN_USERNAME, "password", KeycloakServer.ADMIN_PASSWORD)));
            String users = keycloak.baseUrl() + "/admin/realms/support/users";
            HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username=jonas"))
                    .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
            String jonasId = Json.createReader(new StringReader(found.body())).readArray().getJsonObject(0)
                    .getString("id");
            HttpResponse<Void> deleted = HTTP.send(HttpRequest.newBuilder(URI.create(users + "/" + jonasId)).DELETE()
                    .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(204, deleted.statusCode());
            HttpResponse<String> gone = passwordGrantResponse(keycloak, "jonas");
            assertEquals("invalid_grant", json(gone.body()).getString("error"), gone.body());
        }

        long began = System.nanoTime();
        try (KeycloakServer keycloak = KeycloakServer.start(dataDir, 0, 0, realmFile)) {
            System.out.printf("Keycloak restarted from its database snapshot in %d ms%n",
                    (System.nanoTime() - began) / 1_000_000);
            assertEquals("100001", claims(passwordGrant(keycloak, "jonas", "demo")).getString("system_id"));
            assertEquals(probe, claims(passwordGrant(keycloak, probe, "demo")).getString("preferred_username"));
            // Imported by the first start only; its restart and this start restored the saved database.
            String log = Files.readString(keycloak.logFile());
            assertEquals(1, log.split("Realm 'support' imported", -1).length - 1, "realm imports in " + log);
        }
    }

    private static String withUser(String realmJson, String username) {
        JsonObject realm = json(realmJson);
        JsonObject user = Json.createObjectBuilder()
                .add("username", username).add("enabled", true).add("emailVerified", true)
                .add("firstName", "Probe").add("lastName", "User").add("email", username + "@support-platform.example")
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", "demo").add("temporary", false)))
                .add("realmRoles", Json.createArrayBuilder().add("agent"))
                .build();
        return Json.createObjectBuilder(realm)
                .add("users", Json.createArrayBuilder(realm.getJsonArray("users")).add(user))
                .build().toString();
    }

    private static String passwordGrant(KeycloakServer keycloak, String username, String password) throws Exception {
        HttpResponse<String> response = postForm(keycloak.tokenEndpoint(), Map.of("grant_type", "password",
                "client_id", "support-portal", "username", username, "password", password));
        return token(response);
    }

    private static HttpResponse<String> passwordGrantResponse(KeycloakServer keycloak, String username)
            throws Exception {
        return postForm(keycloak.tokenEndpoint(), Map.of("grant_type", "password", "client_id", "support-portal",
                "username", username, "password", "demo"));
    }

    private static String token(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body()).getString("access_token");
    }

    private static HttpResponse<String> postForm(String url, Map<String, String> form) throws Exception {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JWT's payload; the signature is Keycloak's business, the claims are what the services read. */
    private static JsonObject claims(String jwt) {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length, "a signed JWT");
        return json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private static List<String> realmRoles(JsonObject claims) {
        return claims.getJsonObject("realm_access").getJsonArray("roles").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).sorted().toList();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static List<ProcessHandle> processGroup(long leader) {
        ProcessHandle handle = ProcessHandle.of(leader).orElseThrow();
        return Stream.concat(Stream.of(handle), handle.descendants()).toList();
    }

    private static long serverRssMegabytes(List<ProcessHandle> processes) throws IOException {
        long kilobytes = 0;
        for (ProcessHandle p : processes) {
            Path status = Path.of("/proc", Long.toString(p.pid()), "status");
            if (p.info().command().orElse("").endsWith("/java") && Files.exists(status)) {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        kilobytes += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            }
        }
        assertTrue(kilobytes > 0, "found the server JVM");
        return kilobytes / 1024;
    }
}
