package io.supportplatform.ticket.repository;

import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.supportplatform.outbox.OutboxEvent;
import io.supportplatform.ticket.domain.FilingDetails;
import io.supportplatform.ticket.domain.ItemLists;
import io.supportplatform.ticket.domain.Ticket;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    /**
     * A filed ticket, its {@code ticket-created} outbox row and its first history entry, in one statement: atomic
     * without a transaction around it (no BEGIN/COMMIT round trips), and one round trip instead of three inserts.
     * The event is bound once, as text: the outbox keeps it as published, the history its {@code data} as jsonb.
     * The JSON columns take the documents as text, cast by PostgreSQL (a String bound straight to jsonb would be
     * stored as a JSON string value).
     */
    private static final String INSERT_FILED = """
            with filed as (
                insert into ticket (id, ticket_number, system_id, severity, subject, description, status, channel,
                                    region, license_code, item_lists, environment, reproduction_steps, desired_result,
                                    special_circumstances, intake, log_excerpt, created_by, created_at, updated_at,
                                    last_event_sequence, queue, development_rounds, version)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, cast(cast($11 as text) as jsonb), $12, $13, $14,
                        $15, cast(cast($16 as text) as jsonb), $17, $18, $19, $29, $20, $21, 0, 0)
                -- development_rounds and version: a new ticket's, as Hibernate would insert them
            ), published as (
                insert into outbox_event (id, aggregate_id, topic, type, payload, created_at)
                values ($22, $23, $24, $25, cast($26 as text), $27)
            )
            insert into ticket_history (event_id, ticket_id, sequence, event_type, actor, occurred_at, data)
            values ($22, $1, $20, $24, $28, $27, cast(cast($26 as text) as jsonb) -> 'data')""";

    /**
     * Ticket numbers one draw from the sequence reserves (its increment, migration V35): a draw {@code n} reserves
     * {@code n .. n + NUMBER_BLOCK - 1} for this instance, so most filings take their number without a database
     * round trip, as Hibernate's pooled optimizer does for ids.
     */
    static final int NUMBER_BLOCK = 20;

    private final Pool pool;
    /** Writes the ticket's JSON columns as Hibernate would (records of strings and lists: plain property names). */
    private final ObjectMapper objectMapper;

    /** The next reserved number and the end (exclusive) of this instance's reserved block. */
    private long nextNumber;
    private long blockEnd;

    public TicketRepository(Pool pool, ObjectMapper objectMapper) {
        this.pool = pool;
        this.objectMapper = objectMapper;
    }

    /**
     * Loads the ticket and locks its row for the rest of the transaction, so concurrent changes of one
     * ticket (replies, status changes) run one after the other and each draws its own event sequence.
     */
    public Uni<Ticket> findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The next ticket number sequence value (P6.1): unique across instances (each draws disjoint blocks); gaps are
     * fine (a block's rest is lost when the instance stops or two draws race), duplicates impossible. Numbers are not
     * strictly in filing order, neither across instances nor when two draws race. A draw needs no transaction (a
     * sequence is never rolled back anyway), so it takes a pooled connection of its own.
     */
    public Uni<Long> nextTicketNumberSequence() {
        synchronized (this) {
            if (nextNumber < blockEnd) {
                return Uni.createFrom().item(nextNumber++);
            }
        }
        return pool.preparedQuery("select nextval('ticket_number_seq')").execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .map(first -> {
                    synchronized (this) {
                        // a racing draw may have installed its own block meanwhile: both blocks are ours, the rest of
                        // the replaced one stays unused
                        nextNumber = first + 1;
                        blockEnd = first + NUMBER_BLOCK;
                    }
                    return first;
                });
    }

    /**
     * Inserts a newly filed ticket (as {@link Ticket#file}, version 0) with its {@code ticket-created} outbox row
     * and history entry, all or nothing (transactional outbox, in one statement rather than one transaction). A
     * ticket's first write needs none of Hibernate's unit of work (no loaded state, nothing to dirty-check).
     *
     * @param created the outbox row of the ticket's first event, sequence {@link Ticket#getLastEventSequence()}
     * @param actor who filed, for the history
     */
    public Uni<Void> insertFiled(Ticket ticket, OutboxEvent created, String actor) {
        FilingDetails details = ticket.getDetails();
        Tuple values = Tuple.tuple()
                .addUUID(ticket.getId())
                .addString(ticket.getTicketNumber())
                .addString(ticket.getSystemId())
                .addShort((short) ticket.getSeverity().level())
                .addString(ticket.getSubject())
                .addString(ticket.getDescription())
                .addString(ticket.getStatus().name())
                .addString(details.channel().name())
                .addString(details.region().orElse(null))
                .addString(details.licenseCode().orElse(null))
                .addString(json(new ItemLists(details.products(), details.platforms(), details.affectedDevices(),
                        details.errorMessages())))
                .addString(details.environment().orElse(null))
                .addString(details.reproductionSteps().orElse(null))
                .addString(details.desiredResult().orElse(null))
                .addString(details.specialCircumstances().orElse(null))
                .addString(json(ticket.getIntake()))
                .addString(ticket.getLogExcerpt().orElse(null))
                .addString(ticket.getCreatedBy())
                .addOffsetDateTime(ticket.getCreatedAt().atOffset(ZoneOffset.UTC))
                .addLong(ticket.getLastEventSequence())
                .addString(ticket.getQueue())
                .addUUID(created.getId())
                .addString(created.getAggregateId())
                .addString(created.getTopic())
                .addString(created.getType())
                .addString(created.getPayload())
                .addOffsetDateTime(created.getCreatedAt().atOffset(ZoneOffset.UTC))
                .addString(actor)
                .addOffsetDateTime(ticket.getUpdatedAt().atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(INSERT_FILED).execute(values).replaceWithVoid();
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
