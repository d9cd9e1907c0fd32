import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB-wire server (mongo-java-server, in memory) for the benchmark's 100,000 articles. The local run keeps
 * its server inside the launcher JVM with a 256 MB heap, and mongo-java-server materialises a whole query result
 * (unlike MongoDB, which streams a cursor), so the index rebuild's full scan needs a larger heap than that.
 *
 * java -Xmx3g -cp <devstack launcher classpath> MongoWire.java <port>
 */
public class MongoWire {

    public static void main(String[] args) throws InterruptedException {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", Integer.parseInt(args[0]));
        System.out.println("MongoDB-wire server on port " + args[0]);
        Thread.currentThread().join();
    }
}
