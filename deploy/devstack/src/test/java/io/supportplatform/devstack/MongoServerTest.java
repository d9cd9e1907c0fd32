package io.supportplatform.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

class MongoServerTest {

    @TempDir
    Path dir;

    @Test
    void inMemoryRoundTripWithTheRealDriver() {
        MongoServer server = MongoServer.startInMemory(0);
        int port = server.port();
        try (var client = MongoClients.create(server.connectionString())) {
            var articles = client.getDatabase("kb").getCollection("articles");
            articles.insertOne(new Document("_id", "a1").append("title", "Reset a password"));
            assertEquals("Reset a password", articles.find(Filters.eq("_id", "a1")).first().getString("title"));
        } finally {
            server.close();
        }
        assertFalse(Ports.inUse(port));
    }

    @Test
    void persistentStoreKeepsDocumentsAcrossRestarts() {
        MongoServer first = MongoServer.startPersistent(dir, 0);
        assertNotEquals("memory", first.storage(), "the optional H2 backend is on this module's classpath");
        try (var client = MongoClients.create(first.connectionString())) {
            client.getDatabase("kb").getCollection("articles").insertOne(new Document("_id", "a1").append("v", 7));
        } finally {
            first.close();
        }
        MongoServer second = MongoServer.startPersistent(dir, 0);
        try (var client = MongoClients.create(second.connectionString())) {
            assertEquals(7, client.getDatabase("kb").getCollection("articles").find().first().getInteger("v"));
        } finally {
            second.close();
        }
    }
}
