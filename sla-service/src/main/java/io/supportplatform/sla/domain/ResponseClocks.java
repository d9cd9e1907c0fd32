package io.supportplatform.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Derives a ticket's response clocks from the events held for it. A pure function: the same events,
 * policies and instant always give the same clocks, whatever order the events arrived in and however
 * often each was delivered, so a late or replayed event simply leads to a recomputation.
 */
public final class ResponseClocks {

    /** Occurrence order; the producer's sequence breaks ties, the event id makes the order total. */
    static final Comparator<TicketEvent> OCCURRENCE_ORDER = Comparator.comparing(TicketEvent::occurredAt)
            .thenComparingLong(TicketEvent::sequence)
            .thenComparing(TicketEvent::id);

    private ResponseClocks() {
    }

    /**
     * @param events all events held for one ticket, in any order, duplicates allowed
     * @param policies every policy version; each clock takes the one in force when it starts (P16.1)
     * @param now the instant the clocks are evaluated at
     * @return the ticket's clocks as they stand at {@code now}
     */
    public static List<ResponseClock> compute(Collection<TicketEvent> events, SlaPolicies policies, Instant now) {
        Timeline timeline = new Timeline(policies);
        distinctById(events).stream().sorted(OCCURRENCE_ORDER).forEach(timeline::apply);
        return timeline.clocks().stream().map(clock -> clock.at(now)).toList();
    }

    private static Collection<TicketEvent> distinctById(Collection<TicketEvent> events) {
        Map<UUID, TicketEvent> byId = new LinkedHashMap<>();
        UUID ticketId = null;
        for (TicketEvent event : events) {
            if (ticketId != null && !ticketId.equals(event.ticketId())) {
                throw new IllegalArgumentException("events of tickets " + ticketId + " and " + event.ticketId()
                        + " mixed; clocks are computed per ticket");
            }
            ticketId = event.ticketId();
            byId.putIfAbsent(event.id(), event);
        }
        return byId.values();
    }

    /** Walks one ticket's events in occurrence order and keeps its clocks. */
    private static final class Timeline {
        private final SlaPolicies policies;
        private final List<ResponseClock> clocks = new ArrayList<>();

        Timeline(SlaPolicies policies) {
            this.policies = policies;
        }

        void apply(TicketEvent event) {
            switch (event.type()) {
                case TICKET_CREATED -> ticketCreated(event);
            }
        }

        /** The first response is timed from the ticket's creation (P8); a second creation event changes nothing. */
        private void ticketCreated(TicketEvent event) {
            if (has(ClockType.FIRST_RESPONSE)) {
                return;
            }
            start(ClockType.FIRST_RESPONSE, event);
        }

        private void start(ClockType type, TicketEvent event) {
            Optional<SlaPolicy> policy = policies.inForceAt(event.occurredAt());
            Optional<Duration> target = policy.flatMap(p -> p.target(type, event.severity()));
            if (target.isEmpty()) {
                // No policy promised anything for this ticket at that time: there is nothing to time.
                return;
            }
            Instant startedAt = event.occurredAt();
            // Counted 24/7 until business calendars exist: the deadline is the start plus the target.
            clocks.add(new ResponseClock(event.ticketId(), event.ticketNumber(), event.systemId(), type,
                    cyclesOf(type), ClockState.RUNNING, event.severity(), policy.get().version(), target.get(),
                    startedAt, startedAt, Duration.ZERO, startedAt.plus(target.get())));
        }

        private boolean has(ClockType type) {
            return cyclesOf(type) > 0;
        }

        private int cyclesOf(ClockType type) {
            return (int) clocks.stream().filter(clock -> clock.type() == type).count();
        }

        List<ResponseClock> clocks() {
            return clocks;
        }
    }
}
