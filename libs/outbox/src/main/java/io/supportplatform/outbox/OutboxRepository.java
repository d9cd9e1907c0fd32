package io.supportplatform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Services write outbox rows through Hibernate ({@link #persist}, in the transaction of their state change); the
 * relay reads and deletes them with plain SQL on its own connection ({@link OutboxRelay}).
 */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    private static final String CLAIM = """
            select id, aggregate_id, topic, type, payload, created_at
            from outbox_event
            order by position
            limit $1
            for update skip locked""";

    private static final String DELETE = "delete from outbox_event where id = any($1)";

    /**
     * Locks up to {@code limit} pending events, oldest first, for the rest of the connection's transaction.
     * Rows another relay instance holds are skipped, so instances share the work instead of publishing
     * the same rows twice or waiting on each other.
     */
    public Uni<List<OutboxEvent>> claimPending(SqlConnection transaction, int limit) {
        return transaction.preparedQuery(CLAIM).execute(Tuple.of(limit)).map(rows -> {
            List<OutboxEvent> claimed = new ArrayList<>(rows.size());
            for (Row row : rows) {
                // aggregate_id is a uuid in some services' tables and text in others: the record key is its text
                claimed.add(new OutboxEvent(row.getUUID("id"), String.valueOf(row.getValue("aggregate_id")),
                        row.getString("topic"), row.getString("type"), row.getString("payload"),
                        row.getOffsetDateTime("created_at").toInstant()));
            }
            return claimed;
        });
    }

    /** Deletes the published events, in the connection's transaction: one statement for the whole round. */
    public Uni<Integer> deletePublished(SqlConnection transaction, List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(0)
                : transaction.preparedQuery(DELETE).execute(Tuple.of(ids.toArray(UUID[]::new)))
                        .map(result -> result.rowCount());
    }
}
