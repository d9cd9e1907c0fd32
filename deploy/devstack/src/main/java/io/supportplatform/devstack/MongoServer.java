package io.supportplatform.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB-wire server (mongo-java-server) inside this JVM on 127.0.0.1. No MongoDB binary can be installed
 * here; the real MongoDB driver talks to it. Tests use the memory backend; the local run persists to an H2
 * MVStore file when the optional {@code mongo-java-server-h2-backend} is on the classpath.
 */
public final class MongoServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MongoServer.class.getName());
    private static final String H2_BACKEND = "de.bwaldvogel.mongo.backend.h2.H2Backend";

    private final de.bwaldvogel.mongo.MongoServer server;
    private final int port;
    private final String storage;

    private MongoServer(de.bwaldvogel.mongo.MongoServer server, int port, String storage) {
        this.server = server;
        this.port = port;
        this.storage = storage;
    }

    /** In memory; port 0 means a free port. */
    public static MongoServer startInMemory(int port) {
        return bind(new MemoryBackend(), port, "memory");
    }

    /**
     * Persisted in {@code dir/mongo.mv} if the H2 backend is on the classpath, else in memory (logged).
     */
    public static MongoServer startPersistent(Path dir, int port) {
        try {
            Class<?> h2 = Class.forName(H2_BACKEND, true, MongoServer.class.getClassLoader());
            Files.createDirectories(dir);
            Path file = dir.toAbsolutePath().resolve("mongo.mv");
            MongoBackend backend = (MongoBackend) h2.getConstructor(String.class).newInstance(file.toString());
            return bind(backend, port, file.toString());
        } catch (ClassNotFoundException e) {
            LOG.log(System.Logger.Level.WARNING, "mongo-java-server-h2-backend not on the classpath; "
                    + "MongoDB data is kept in memory only");
            return startInMemory(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not open the H2 backend under " + dir, e);
        }
    }

    private static MongoServer bind(MongoBackend backend, int port, String storage) {
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(backend);
        server.bind("127.0.0.1", port);
        int bound = server.getLocalAddress().getPort();
        LOG.log(System.Logger.Level.INFO, "MongoDB-wire server on 127.0.0.1:{0} ({1})", Integer.toString(bound), storage);
        return new MongoServer(server, bound, storage);
    }

    public int port() {
        return port;
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** {@code memory} or the H2 file path. */
    public String storage() {
        return storage;
    }

    @Override
    public void close() {
        // shutdown() closes the backend too, which flushes the H2 store.
        server.shutdown();
    }

    @Override
    public String toString() {
        return "MongoDB-wire " + connectionString() + " (" + storage + ")";
    }
}
