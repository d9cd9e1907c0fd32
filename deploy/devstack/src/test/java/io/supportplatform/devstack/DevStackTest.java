package io.supportplatform.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClients;

class DevStackTest {

    @TempDir
    Path dir;

    @Test
    void startsTheInfrastructureOnFreePortsAndCloseReleasesEverything() throws Exception {
        // Keycloak is replaced by an "external" one (its own tests are KeycloakServer's); no service jars needed.
        DevStack.Options options = DevStack.Options.forTests(dir, dir.resolve("data"))
                .withServices(Set.of())
                .withEnv(Map.of("OIDC_AUTH_SERVER_URL", "http://localhost:1/realms/support"));
        List<Integer> ports;
        try (DevStack stack = DevStack.start(options)) {
            assertNull(stack.keycloak());
            assertEquals("http://localhost:1", stack.keycloakUrl());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    stack.kafkaBootstrapServers()))) {
                assertEquals(1, admin.describeCluster().nodes().get().size());
            }
            try (Connection c = DriverManager.getConnection(stack.postgresJdbcUrl("notification"),
                    stack.postgresUser(), stack.postgresPassword())) {
                assertTrue(c.isValid(5));
            }
            try (var mongo = MongoClients.create(stack.mongoUri())) {
                mongo.getDatabase("kb").getCollection("c").insertOne(new org.bson.Document("x", 1));
            }
            assertEquals("memory", stack.mongo().storage(), "tests keep no MongoDB data");
            ports = List.of(stack.kafka().port(), stack.postgres().port(), stack.mongo().port());
        }
        for (int port : ports) {
            assertFalse(Ports.inUse(port), "port " + port + " released");
        }
    }

    @Test
    void testsFailFastWhenAServiceIsNotBuilt() {
        DevStack.Options options = DevStack.Options.forTests(dir, dir.resolve("data"))
                .withServices(EnumSet.of(Service.GATEWAY))
                .withEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:1", "POSTGRES_HOST", "localhost",
                        "MONGODB_URI", "mongodb://localhost:1", "OIDC_AUTH_SERVER_URL",
                        "http://localhost:1/realms/support"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DevStack.start(options));
        assertTrue(e.getMessage().startsWith("gateway not built"), e.getMessage());
    }
}
