package io.supportplatform.sla.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.sla.domain.ClockAlarm;
import io.supportplatform.sla.domain.ClockAlarms;
import io.supportplatform.sla.domain.ResponseClock;
import io.supportplatform.sla.domain.ResponseClocks;
import io.supportplatform.sla.domain.SlaPolicies;
import io.supportplatform.sla.domain.TicketEvent;
import io.supportplatform.sla.repository.ClockAlarmRepository;
import io.supportplatform.sla.repository.ResponseClockRepository;
import io.supportplatform.sla.repository.TicketEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Keeps each ticket's response clocks in step with the ticket events received. */
@ApplicationScoped
public class ClockService {

    private static final Logger LOG = Logger.getLogger(ClockService.class);

    private final TicketEventRepository events;
    private final ResponseClockRepository clocks;
    private final ClockAlarmRepository alarms;
    private final AlarmService alarmService;
    private final ClockRules rules;
    private final Counter newEvents;
    private final Counter duplicateEvents;

    public ClockService(TicketEventRepository events, ResponseClockRepository clocks, ClockAlarmRepository alarms,
            AlarmService alarmService, ClockRules rules, MeterRegistry registry) {
        this.events = events;
        this.clocks = clocks;
        this.alarms = alarms;
        this.alarmService = alarmService;
        this.rules = rules;
        this.newEvents = registry.counter("sla.ticket.events", "outcome", "recorded");
        this.duplicateEvents = registry.counter("sla.ticket.events", "outcome", "duplicate");
    }

    /**
     * Stores the event once and recomputes its ticket's clocks from all events held for the ticket,
     * in one transaction. A duplicate delivery is acknowledged without touching anything.
     */
    @WithTransaction
    public Uni<Void> record(TicketEvent event, String envelope) {
        return events.insertIfAbsent(event, envelope).flatMap(isNew -> {
            if (!isNew) {
                duplicateEvents.increment();
                LOG.debugf("Event %s already held; ignored", event.id());
                return Uni.createFrom().voidItem();
            }
            newEvents.increment();
            return recompute(event.ticketId());
        });
    }

    /**
     * Recomputes the ticket's clocks from every event held for it, under a lock on the ticket, and stores
     * them. The stored clocks do not depend on the time of the recomputation, so a replay writes nothing.
     */
    Uni<Void> recompute(UUID ticketId) {
        return events.lockTicket(ticketId)
                .flatMap(locked -> events.ofTicket(ticketId))
                .flatMap(held -> rules.current().flatMap(current -> {
                    List<ResponseClock> computed = ResponseClocks.compute(held, current.policies(), current.calendars());
                    return clocks.replace(ticketId, computed)
                            .flatMap(stored -> planAlarms(ticketId, computed, held, current.policies()));
                }));
    }

    /**
     * The alarms of the clocks just stored, in the same transaction, so a clock and its alarms never disagree
     * (P13); the scheduler is told when one falls due before its next round.
     */
    private Uni<Void> planAlarms(UUID ticketId, List<ResponseClock> computed, List<TicketEvent> held,
            SlaPolicies versions) {
        List<ClockAlarm> planned = ClockAlarms.plan(computed, held, versions);
        return alarms.replace(ticketId, planned)
                .invoke(() -> planned.stream().map(ClockAlarm::dueAt).min(Instant::compareTo)
                        .ifPresent(alarmService::plannedFor));
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
