package io.supportplatform.sla.repository;

import io.smallrye.mutiny.Uni;
import io.supportplatform.sla.domain.ReceivedEvent;
import io.supportplatform.sla.domain.Severity;
import io.supportplatform.sla.domain.TicketEvent;
import io.supportplatform.sla.domain.TicketEventType;
import io.supportplatform.sla.domain.TicketStatus;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The ticket events received, a batch at a time: each statement takes the whole batch as arrays (unnest), so a
 * batch costs a fixed number of round trips whatever its size (bench/sla-scale).
 */
@ApplicationScoped
public class TicketEventRepository {

    private static final String INSERT = """
            insert into ticket_event (event_id, ticket_id, event_type, sequence, occurred_at, ticket_number, system_id,
                                      severity, status, previous_status, region, visibility, tier, direction,
                                      escalation_kind, envelope)
            select event_id, ticket_id, event_type, sequence, occurred_at, ticket_number, system_id, severity, status,
                   previous_status, region, visibility, tier, direction, escalation_kind, envelope
            from unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::bigint[], $5::timestamptz[], $6::varchar[],
                        $7::varchar[], $8::smallint[], $9::varchar[], $10::varchar[], $11::varchar[], $12::varchar[],
                        $13::varchar[], $14::varchar[], $15::varchar[], $16::text[])
                 as e(event_id, ticket_id, event_type, sequence, occurred_at, ticket_number, system_id, severity, status,
                      previous_status, region, visibility, tier, direction, escalation_kind, envelope)
            on conflict (event_id) do nothing
            returning event_id""";
    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended(t, 0)) from unnest($1::text[]) as t";
    private static final String OF_TICKETS = """
            select event_id, ticket_id, event_type, sequence, occurred_at, ticket_number, system_id, severity, status,
                   previous_status, region, visibility, tier, direction, escalation_kind
            from ticket_event where ticket_id = any($1::uuid[])""";

    /**
     * Stores the events not held yet (at-least-once delivery: the CloudEvent id is the idempotency key, the first
     * delivery stands), in one statement.
     *
     * @param received distinct ids
     * @return the ids of the events that were new
     */
    public Uni<Set<UUID>> insertNew(SqlClient client, List<ReceivedEvent> received) {
        List<TicketEvent> events = received.stream().map(ReceivedEvent::event).toList();
        Tuple arrays = Tuple.from(List.of(
                Columns.of(events, TicketEvent::id, UUID[]::new),
                Columns.of(events, TicketEvent::ticketId, UUID[]::new),
                Columns.of(events, event -> event.type().name(), String[]::new),
                Columns.of(events, TicketEvent::sequence, Long[]::new),
                Columns.of(events, event -> Columns.utc(event.occurredAt()), OffsetDateTime[]::new),
                Columns.of(events, TicketEvent::ticketNumber, String[]::new),
                Columns.of(events, TicketEvent::systemId, String[]::new),
                Columns.of(events, event -> event.severity() == null ? null : (short) event.severity().level(), Short[]::new),
                Columns.of(events, event -> Columns.name(event.status()), String[]::new),
                Columns.of(events, event -> Columns.name(event.previousStatus()), String[]::new),
                Columns.of(events, TicketEvent::region, String[]::new),
                Columns.of(events, event -> Columns.name(event.visibility()), String[]::new),
                Columns.of(events, event -> Columns.name(event.tier()), String[]::new),
                Columns.of(events, event -> Columns.name(event.direction()), String[]::new),
                Columns.of(events, event -> Columns.name(event.escalationKind()), String[]::new),
                received.stream().map(ReceivedEvent::envelope).toArray(String[]::new)));
        return client.preparedQuery(INSERT).execute(arrays).map(rows -> {
            Set<UUID> inserted = new HashSet<>();
            rows.forEach(row -> inserted.add(row.getUUID("event_id")));
            return inserted;
        });
    }

    /**
     * Serialises recomputations of these tickets' clocks until the transaction ends, so concurrent consumers
     * (other instances) never overwrite each other's result with a stale one. Taken in ticket id order, so two
     * batches sharing tickets cannot deadlock.
     */
    public Uni<Void> lockTickets(SqlClient client, Collection<UUID> ticketIds) {
        String[] sorted = ticketIds.stream().map(UUID::toString).sorted().toArray(String[]::new);
        return client.preparedQuery(LOCK).execute(Tuple.of(sorted)).replaceWithVoid();
    }

    /** Every event held for these tickets, in no particular order (the clock computation sorts them). */
    public Uni<List<TicketEvent>> ofTickets(SqlClient client, Collection<UUID> ticketIds) {
        return client.preparedQuery(OF_TICKETS).execute(Tuple.of(ticketIds.toArray(UUID[]::new))).map(rows -> {
            List<TicketEvent> events = new ArrayList<>(rows.rowCount());
            rows.forEach(row -> events.add(toDomain(row)));
            return events;
        });
    }

    private static TicketEvent toDomain(Row row) {
        Short severity = row.getShort("severity");
        return new TicketEvent(row.getUUID("event_id"), row.getUUID("ticket_id"),
                valueOf(TicketEventType.class, row.getString("event_type")),
                row.getLong("sequence"), row.getOffsetDateTime("occurred_at").toInstant(),
                row.getString("ticket_number"), row.getString("system_id"),
                severity == null ? null : Severity.ofLevel(severity),
                valueOf(TicketStatus.class, row.getString("status")),
                valueOf(TicketStatus.class, row.getString("previous_status")), row.getString("region"),
                valueOf(TicketEvent.Visibility.class, row.getString("visibility")),
                valueOf(TicketEvent.PhoneTier.class, row.getString("tier")),
                valueOf(TicketEvent.CallDirection.class, row.getString("direction")),
                valueOf(TicketEvent.EscalationKind.class, row.getString("escalation_kind")));
    }

    private static <E extends Enum<E>> E valueOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
