package io.supportplatform.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import io.supportplatform.devstack.KeycloakServer;

/**
 * The real Keycloak behind {@link KeycloakTestResource}: started once per JVM on free ports with the project's
 * realm file ({@code deploy/keycloak/support-realm.json}), stopped by a shutdown hook (and by the child-process
 * watchdog should the JVM be killed). Like {@link SharedInfrastructure} it takes and returns JDK types only and is
 * called through the system class loader, so every Quarkus test application in the JVM shares the one server.
 */
public final class SharedKeycloak {

    private static KeycloakServer keycloak;
    private static Path dataDir;

    private SharedKeycloak() {
    }

    /** {@code baseUrl}, {@code issuerUrl}, {@code adminUsername}, {@code adminPassword} of the running server. */
    public static synchronized Map<String, String> start() {
        if (keycloak == null) {
            try {
                dataDir = Files.createTempDirectory("devstack-test-keycloak-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            keycloak = KeycloakServer.start(dataDir, 0, 0, realmFile());
            Runtime.getRuntime().addShutdownHook(new Thread(SharedKeycloak::stop, "devstack-stop-keycloak"));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("baseUrl", keycloak.baseUrl());
        settings.put("issuerUrl", keycloak.issuerUrl());
        settings.put("adminUsername", KeycloakServer.ADMIN_USERNAME);
        settings.put("adminPassword", KeycloakServer.ADMIN_PASSWORD);
        return settings;
    }

    /** The realm file of the repository the tests run in: searched upwards from the working directory. */
    private static Path realmFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/keycloak/support-realm.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no deploy/keycloak/support-realm.json above " + Path.of("").toAbsolutePath());
    }

    private static void stop() {
        synchronized (SharedKeycloak.class) {
            if (keycloak != null) {
                keycloak.close();
                keycloak = null;
            }
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir; the OS cleans it eventually
            }
        }
    }
}
