package io.supportplatform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs on our machines, so docker-compose.yml cannot be started here. This test keeps it
 * honest instead: every service, port and environment variable in it must match what the services read
 * in their prod profile, and the infrastructure images must be the versions the local run uses.
 */
class DockerComposeTest {

    private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readCompose() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        try (Reader reader = Files.newBufferedReader(REPO.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml(options).load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "ticket-service", "sla-service", "kb-service", "contact-service",
            "notification-service", "gateway" })
    void serviceMatchesWhatItReads(String name) throws IOException {
        Map<String, Object> service = services.get(name);
        assertNotNull(service, name + " is missing from docker-compose.yml");

        @SuppressWarnings("unchecked")
        Map<String, Object> build = (Map<String, Object>) service.get("build");
        assertEquals("./" + name, build.get("context"));
        assertTrue(Files.isRegularFile(REPO.resolve(name).resolve((String) build.get("dockerfile"))),
                name + ": Dockerfile not found");

        Properties properties = applicationProperties(name);
        String port = properties.getProperty("quarkus.http.port");
        assertEquals(List.of(port + ":" + port), service.get("ports"), name + ": published port");

        Map<String, String> environment = environment(service);
        assertEquals(variablesReadInProd(name), new TreeSet<>(environment.keySet()),
                name + ": variables set in docker-compose.yml must be exactly those the service reads");

        for (String value : environment.values()) {
            Matcher host = Pattern.compile("^(?:[a-z]+://)?([a-z][a-z0-9-]*):\\d+").matcher(value);
            if (host.find()) {
                assertTrue(services.containsKey(host.group(1)), name + " points at unknown host " + host.group(1));
            }
        }
    }

    @Test
    void everyServiceDatabaseIsCreated() throws IOException {
        String init = Files.readString(REPO.resolve("deploy/postgres/init-databases.sql"));
        for (String name : List.of("ticket-service", "sla-service", "contact-service", "notification-service")) {
            String url = prodProperty(name, "quarkus.datasource.reactive.url");
            assertNotNull(url, name + " has no reactive datasource url");
            String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
            assertTrue(init.contains("CREATE DATABASE " + database + " "), database + " is not created");
        }
    }

    @Test
    void infrastructureRunsTheVersionsOfTheLocalRun() throws IOException {
        String pom = Files.readString(REPO.resolve("deploy/infra-artifacts/pom.xml"));
        assertEquals("apache/kafka:" + pomProperty(pom, "kafka.version"), services.get("kafka").get("image"));
        assertEquals("quay.io/keycloak/keycloak:" + pomProperty(pom, "keycloak.version"),
                services.get("keycloak").get("image"));
        @SuppressWarnings("unchecked")
        List<String> volumes = (List<String>) services.get("keycloak").get("volumes");
        String realm = volumes.get(0).split(":")[0];
        assertTrue(Files.isRegularFile(REPO.resolve(realm)), "realm file " + realm + " is missing");
        assertTrue(services.containsKey("postgres") && services.containsKey("mongodb"));
    }

    private static Properties applicationProperties(String service) throws IOException {
        Properties properties = new Properties();
        String text = Files.readString(REPO.resolve(service).resolve("src/main/resources/application.properties"));
        properties.load(new StringReader(text));
        return properties;
    }

    /** Environment variables referenced by properties that apply in the prod profile. */
    private static Set<String> variablesReadInProd(String service) throws IOException {
        Properties properties = applicationProperties(service);
        Set<String> variables = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (!appliesInProd(key)) {
                continue;
            }
            Matcher reference = ENV_REFERENCE.matcher(properties.getProperty(key));
            while (reference.find()) {
                variables.add(reference.group(1));
            }
        }
        return variables;
    }

    /** Unprofiled keys and keys whose profile list ({@code %dev,prod.}) names prod. */
    private static boolean appliesInProd(String key) {
        if (!key.startsWith("%")) {
            return true;
        }
        String profiles = key.substring(1, key.indexOf('.'));
        return List.of(profiles.split(",")).contains("prod");
    }

    private static String prodProperty(String service, String name) throws IOException {
        Properties properties = applicationProperties(service);
        return properties.stringPropertyNames().stream()
                .filter(key -> appliesInProd(key) && key.substring(key.startsWith("%") ? key.indexOf('.') + 1 : 0)
                        .equals(name))
                .sorted((a, b) -> Boolean.compare(!a.startsWith("%"), !b.startsWith("%"))) // profiled first
                .map(properties::getProperty).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, Object> environment = (Map<String, Object>) service.getOrDefault("environment", Map.of());
        return environment.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    private static String pomProperty(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertTrue(matcher.find(), name + " not in pom");
        return matcher.group(1);
    }
}
