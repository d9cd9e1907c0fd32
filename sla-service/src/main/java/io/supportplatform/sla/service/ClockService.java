package io.supportplatform.sla.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.sla.domain.ClockAlarm;
import io.supportplatform.sla.domain.ClockAlarms;
import io.supportplatform.sla.domain.ReceivedEvent;
import io.supportplatform.sla.domain.ResponseClock;
import io.supportplatform.sla.domain.ResponseClocks;
import io.supportplatform.sla.domain.TicketEvent;
import io.supportplatform.sla.repository.ClockAlarmRepository;
import io.supportplatform.sla.repository.ResponseClockRepository;
import io.supportplatform.sla.repository.TicketEventRepository;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** Keeps each ticket's response clocks in step with the ticket events received. */
@ApplicationScoped
public class ClockService {

    private final Pool pool;
    private final TicketEventRepository events;
    private final ResponseClockRepository clocks;
    private final ClockAlarmRepository alarms;
    private final AlarmService alarmService;
    private final ClockRules rules;
    private final Counter newEvents;
    private final Counter duplicateEvents;
    private final Timer batches;
    private final DistributionSummary batchSizes;

    public ClockService(Pool pool, TicketEventRepository events, ResponseClockRepository clocks,
            ClockAlarmRepository alarms, AlarmService alarmService, ClockRules rules, MeterRegistry registry) {
        this.pool = pool;
        this.events = events;
        this.clocks = clocks;
        this.alarms = alarms;
        this.alarmService = alarmService;
        this.rules = rules;
        this.newEvents = registry.counter("sla.ticket.events", "outcome", "recorded");
        this.duplicateEvents = registry.counter("sla.ticket.events", "outcome", "duplicate");
        this.batches = Timer.builder("sla.ticket.event.batches")
                .description("Time to store a batch of ticket events and recompute its tickets' clocks")
                .register(registry);
        this.batchSizes = DistributionSummary.builder("sla.ticket.event.batch.size")
                .description("Ticket events per batch (one Kafka poll)").register(registry);
    }

    /**
     * Stores the events not held yet and recomputes the clocks and alarms of their tickets from all events held
     * for each, in one transaction for the whole batch and a fixed number of statements (bench/sla-scale).
     * Duplicates (within the batch or of events held before) are acknowledged without touching anything; the
     * first delivery of an id stands.
     */
    public Uni<Void> record(List<ReceivedEvent> batch) {
        List<ReceivedEvent> distinct = firstOfEachId(batch);
        batchSizes.record(batch.size());
        Timer.Sample started = Timer.start();
        return rules.current()
                .flatMap(current -> pool.withTransaction(connection -> events.insertNew(connection, distinct)
                        .flatMap(inserted -> {
                            Set<UUID> tickets = distinct.stream().map(ReceivedEvent::event)
                                    .filter(event -> inserted.contains(event.id()))
                                    .map(TicketEvent::ticketId).collect(Collectors.toSet());
                            return (tickets.isEmpty() ? Uni.createFrom().<Instant>nullItem()
                                    : recompute(connection, tickets, current))
                                    .map(firstDue -> new Stored(inserted.size(), firstDue));
                        })))
                .invoke(stored -> {
                    // Counted once committed: a batch rolled back and retried is not counted twice, and whoever
                    // watches the counter (bench/sla-scale) finds the clocks of every event counted.
                    newEvents.increment(stored.newEvents());
                    duplicateEvents.increment(batch.size() - stored.newEvents());
                    started.stop(batches);
                    if (stored.firstDue() != null) {
                        alarmService.plannedFor(stored.firstDue());
                    }
                })
                .replaceWithVoid();
    }

    /** What a batch's transaction stored: how many events were new, and when its earliest planned alarm is due. */
    private record Stored(int newEvents, Instant firstDue) {
    }

    /**
     * In id order: concurrent batches (one per consumer) then insert shared ids in the same order, so two of them
     * wait for each other's uncommitted insert at most one way round, never in a deadlock.
     */
    private static List<ReceivedEvent> firstOfEachId(List<ReceivedEvent> batch) {
        Map<UUID, ReceivedEvent> byId = new TreeMap<>();
        batch.forEach(received -> byId.putIfAbsent(received.event().id(), received));
        return List.copyOf(byId.values());
    }

    /**
     * Recomputes the tickets' clocks from every event held for them, under a lock on each ticket, and stores them
     * with their alarms, so a clock and its alarms never disagree (P13). The stored clocks do not depend on the
     * time of the recomputation, so a replay writes nothing.
     *
     * @return when the earliest alarm planned falls due (the scheduler is told after the commit), or null
     */
    private Uni<Instant> recompute(SqlConnection connection, Set<UUID> tickets, ClockRules.Snapshot current) {
        return events.lockTickets(connection, tickets)
                .flatMap(locked -> events.ofTickets(connection, tickets))
                .flatMap(held -> {
                    List<ResponseClock> computed = new ArrayList<>();
                    List<ClockAlarm> planned = new ArrayList<>();
                    held.stream().collect(Collectors.groupingBy(TicketEvent::ticketId)).values().forEach(ofTicket -> {
                        List<ResponseClock> clocksOfTicket = ResponseClocks.compute(ofTicket, current.policies(),
                                current.calendars());
                        computed.addAll(clocksOfTicket);
                        planned.addAll(ClockAlarms.plan(clocksOfTicket, ofTicket, current.policies()));
                    });
                    return clocks.replace(connection, tickets, computed)
                            .flatMap(stored -> alarms.replace(connection, tickets, planned))
                            .map(stored -> planned.stream().map(ClockAlarm::dueAt).min(Instant::compareTo)
                                    .orElse(null));
                });
    }

    /**
     * The ticket's clocks as they stand at {@code now}, with the time each has counted (in its calendar) and
     * spent paused; 404 when the viewer may not see the ticket or there are none.
     */
    @WithSession
    public Uni<List<ClockReading>> clocksOf(UUID ticketId, Viewer viewer, Instant now) {
        return clocks.ofTicket(ticketId).flatMap(stored -> {
            // Another account's ticket is answered like an unknown one, so ticket ids reveal nothing.
            if (stored.isEmpty() || !stored.stream().allMatch(viewer::maySee)) {
                throw ProblemException.notFound("No SLA clocks for ticket " + ticketId + ".");
            }
            return rules.current().map(current -> stored.stream()
                    .map(clock -> new ClockReading(clock.at(now),
                            clock.elapsedAt(now, current.calendars().calendar(clock.calendarRegion())),
                            clock.pausedAt(now)))
                    .toList());
        });
    }

    /** A clock at one instant, with what the view derives from its calendar and history. */
    public record ClockReading(ResponseClock clock, Duration counted, Duration paused) {
    }
}
