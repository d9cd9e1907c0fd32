import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * Writes generated articles (JSON lines of kb-service/seed/generate.py --bench) straight into kb-service's
 * collection, as published articles with one revision: the exact document shape ArticleDocuments writes after
 * create + publish. Replaces earlier bench-* articles, leaves all others alone.
 *
 * java -cp <mongodb-driver-sync, -core, bson jars> LoadArticles.java articles.jsonl mongodb://localhost:27018 kb
 */
public class LoadArticles {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        try (MongoClient client = MongoClients.create(args[1])) {
            MongoCollection<Document> articles = client.getDatabase(args[2]).getCollection("articles");
            long removed = articles.deleteMany(Filters.regex("_id", "^bench-")).getDeletedCount();
            long began = System.nanoTime();
            Date now = new Date();
            List<Document> batch = new ArrayList<>();
            int count = 0;
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    batch.add(stored(Document.parse(line), now));
                    if (batch.size() == 1000) {
                        articles.insertMany(batch);
                        count += batch.size();
                        batch.clear();
                        System.out.printf("\r%,d articles", count);
                    }
                }
            }
            if (!batch.isEmpty()) {
                articles.insertMany(batch);
                count += batch.size();
            }
            System.out.printf("\rloaded %,d articles (replaced %,d) in %.1f s%n", count, removed,
                    (System.nanoTime() - began) / 1e9);
        }
    }

    private static Document stored(Document in, Date now) {
        Document revision = new Document("number", 1).append("title", in.getString("title"))
                .append("body", in.getString("body")).append("publishedBy", "bench").append("publishedAt", now);
        return new Document("_id", in.getString("id"))
                .append("title", in.getString("title"))
                .append("body", in.getString("body"))
                .append("language", in.getString("language"))
                .append("products", in.get("products"))
                .append("platforms", in.get("platforms"))
                .append("category", in.getString("category"))
                .append("tags", in.get("tags"))
                .append("visibility", in.getString("visibility"))
                .append("status", "PUBLISHED")
                .append("author", "bench")
                .append("revisions", List.of(revision))
                .append("created", now)
                .append("updated", now)
                .append("version", 2L);
    }
}
