package io.supportplatform.sla.domain;

import io.supportplatform.sla.domain.ClockTransition.Kind;
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
 * policies, calendars (and instant) always give the same clocks, whatever order the events arrived in and
 * however often each was delivered, so a late or replayed event simply leads to a recomputation.
 *
 * <p>The rules, in occurrence order of the events:
 * <ul>
 *   <li>ticket-created starts FIRST_RESPONSE (P8) and, for severity 1, TIER2_CALLBACK (P8.1), under the
 *       policy version in force at filing for the ticket's account (P16.1).</li>
 *   <li>A PUBLIC agent-replied meets the running response clock (FIRST or NEXT_RESPONSE); an INTERNAL note
 *       meets nothing. A customer-replied that follows such a support response starts a NEXT_RESPONSE
 *       (P9.3); a second customer reply before support answered starts nothing new.</li>
 *   <li>An OUTBOUND TIER2 phone-contact-logged meets the Tier-2 callback (P8.1); inbound calls carry no
 *       service level (P4.3).</li>
 *   <li>Status WAITING_FOR_CUSTOMER pauses every running clock (P9.2); a customer-replied or a status other
 *       than WAITING resumes them (P9.3). RESOLVED or CLOSED stops every clock; a later status that reopens
 *       the ticket starts a new cycle (NEXT_RESPONSE, and TIER2_CALLBACK for severity 1).</li>
 *   <li>ticket-severity-changed re-targets the ticket's clocks to the new severity's targets of the same
 *       policy version, keeping the time counted (running or paused). Losing severity 1 stops a Tier-2
 *       callback clock (no longer promised); gaining it starts one at the change, unless a Tier-2 call was
 *       already made since the ticket was (re)opened.</li>
 *   <li>A running clock whose deadline passes before the next event is breached at its deadline; the
 *       deadline is the first instant of the breach, so a response exactly at the deadline is late.</li>
 * </ul>
 */
public final class ResponseClocks {

    /** Occurrence order; the producer's sequence breaks ties, the event id makes the order total. */
    static final Comparator<TicketEvent> OCCURRENCE_ORDER = Comparator.comparing(TicketEvent::occurredAt)
            .thenComparingLong(TicketEvent::sequence)
            .thenComparing(TicketEvent::id);

    private ResponseClocks() {
    }

    /**
     * The clocks as stored: they depend on the events, policies and calendars only, so recomputing them at
     * any later time gives the same rows (a clock past its deadline stays RUNNING with that deadline).
     *
     * @param events all events held for one ticket, in any order, duplicates allowed
     * @param policies every activated policy version; a ticket keeps the one in force when it was filed
     * @param calendars the regional business calendars
     */
    public static List<ResponseClock> compute(Collection<TicketEvent> events, SlaPolicies policies,
            RegionCalendars calendars) {
        Timeline timeline = new Timeline(policies, calendars);
        distinctById(events).stream().sorted(OCCURRENCE_ORDER).forEach(timeline::apply);
        return timeline.clocks();
    }

    /** The clocks as they stand at {@code now} (running clocks past their deadline shown BREACHED). */
    public static List<ResponseClock> compute(Collection<TicketEvent> events, SlaPolicies policies,
            RegionCalendars calendars, Instant now) {
        return compute(events, policies, calendars).stream().map(clock -> clock.at(now)).toList();
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

    /** Walks one ticket's events in occurrence order and keeps the ticket's state and clocks. */
    private static final class Timeline {
        private final SlaPolicies policies;
        private final RegionCalendars calendars;
        private final List<Clock> clocks = new ArrayList<>();
        private TicketEvent created;
        private SlaPolicy policy;
        private String region;
        private Severity severity;
        private TicketStatus status;
        private String ticketNumber;
        private String systemId;
        /** A public support response answered the customer and no response clock has started since. */
        private boolean supportResponded;
        /** An outbound Tier-2 call was made since the ticket was (re)opened. */
        private boolean tier2Called;

        Timeline(SlaPolicies policies, RegionCalendars calendars) {
            this.policies = policies;
            this.calendars = calendars;
        }

        void apply(TicketEvent event) {
            if (event.type() == TicketEventType.TICKET_CREATED) {
                ticketCreated(event);
                return;
            }
            if (policy == null) {
                // Before the ticket's creation (or without a policy promising anything): nothing to time.
                return;
            }
            Instant at = event.occurredAt();
            clocks.forEach(clock -> clock.breachIfDue(at));
            switch (event.type()) {
                case AGENT_REPLIED -> agentReplied(event);
                case CUSTOMER_REPLIED -> customerReplied(event);
                case TICKET_STATUS_CHANGED -> statusChanged(event);
                case TICKET_SEVERITY_CHANGED -> severityChanged(event);
                case PHONE_CONTACT_LOGGED -> phoneContactLogged(event);
                case ESCALATION_REQUESTED, TICKET_CREATED -> {
                    // Escalation requests drive alarms (P13.3), not clocks.
                }
            }
        }

        /** A second creation event (a producer retry under a new id) changes nothing: the earliest counts. */
        private void ticketCreated(TicketEvent event) {
            if (created != null) {
                return;
            }
            created = event;
            Optional<SlaPolicy> inForce = policies.inForceAt(event.occurredAt(), event.systemId());
            if (inForce.isEmpty() || event.severity() == null) {
                return;
            }
            policy = inForce.get();
            ticketNumber = event.ticketNumber();
            systemId = event.systemId();
            region = calendars.regionOf(event.region());
            severity = event.severity();
            status = event.status() == null ? TicketStatus.NEW : event.status();
            start(ClockType.FIRST_RESPONSE, event.occurredAt(), "ticket created");
            if (severity == Severity.S1) {
                start(ClockType.TIER2_CALLBACK, event.occurredAt(), "severity 1 ticket created");
            }
        }

        private void agentReplied(TicketEvent event) {
            if (event.visibility() != TicketEvent.Visibility.PUBLIC) {
                return; // an internal note is no response to the customer
            }
            active().stream().filter(Clock::timesAResponse)
                    .forEach(clock -> clock.end(event.occurredAt(), ClockState.MET, "public agent reply"));
            if (!status.isClosed()) {
                supportResponded = true;
            }
        }

        private void customerReplied(TicketEvent event) {
            if (status.isClosed()) {
                return; // ticket-service reopens the ticket with a status change; that starts the new cycle
            }
            if (status == TicketStatus.WAITING_FOR_CUSTOMER) {
                status = TicketStatus.OPEN;
                active().forEach(clock -> clock.resume(event.occurredAt(), "customer replied")); // P9.3
            }
            if (supportResponded && active().stream().noneMatch(Clock::timesAResponse)) {
                supportResponded = false;
                start(ClockType.NEXT_RESPONSE, event.occurredAt(), "customer replied after a support response");
            }
        }

        private void statusChanged(TicketEvent event) {
            TicketStatus to = event.status();
            Instant at = event.occurredAt();
            String cause = "status " + (event.previousStatus() == null ? "" : event.previousStatus() + " -> ") + to;
            if (to == null || to == status) {
                return;
            }
            if (to.isClosed()) {
                active().forEach(clock -> clock.end(at, ClockState.STOPPED, cause));
            } else if (status.isClosed()) {
                reopened(at, cause);
            } else if (to == TicketStatus.WAITING_FOR_CUSTOMER) {
                active().forEach(clock -> clock.pause(at, cause)); // P9.2
            } else if (status == TicketStatus.WAITING_FOR_CUSTOMER) {
                active().forEach(clock -> clock.resume(at, cause)); // P9.3
            }
            status = to;
        }

        /** A new cycle: support owes a response again, and for severity 1 a Tier-2 call. */
        private void reopened(Instant at, String cause) {
            status = TicketStatus.REOPENED;
            supportResponded = false;
            tier2Called = false;
            start(ClockType.NEXT_RESPONSE, at, "reopened (" + cause + ")");
            if (severity == Severity.S1) {
                start(ClockType.TIER2_CALLBACK, at, "severity 1 ticket reopened");
            }
        }

        private void severityChanged(TicketEvent event) {
            Severity to = event.severity();
            if (to == null || to == severity) {
                return;
            }
            Instant at = event.occurredAt();
            String cause = "severity " + severity.level() + " -> " + to.level();
            severity = to;
            for (Clock clock : active()) {
                Optional<SlaTarget> target = policy.slaTarget(clock.type, to);
                if (target.isPresent()) {
                    clock.retarget(at, to, target.get(), calendarFor(target.get()), cause);
                } else {
                    // e.g. a severity-1 ticket lowered: no Tier-2 callback is promised any more (P8.1)
                    clock.end(at, ClockState.STOPPED, cause + ": no longer promised");
                }
            }
            boolean callbackRuns = active().stream().anyMatch(clock -> clock.type == ClockType.TIER2_CALLBACK);
            if (to == Severity.S1 && !callbackRuns && !tier2Called && !status.isClosed()) {
                start(ClockType.TIER2_CALLBACK, at, cause);
            }
        }

        private void phoneContactLogged(TicketEvent event) {
            if (event.tier() != TicketEvent.PhoneTier.TIER2 || event.direction() != TicketEvent.CallDirection.OUTBOUND) {
                return; // P4.3: inbound calls carry no service level; a Tier-1 call is not the Tier-2 contact
            }
            tier2Called = true;
            active().stream().filter(clock -> clock.type == ClockType.TIER2_CALLBACK)
                    .forEach(clock -> clock.end(event.occurredAt(), ClockState.MET, "outbound Tier-2 call"));
        }

        private void start(ClockType type, Instant at, String cause) {
            Optional<SlaTarget> target = policy.slaTarget(type, severity);
            if (target.isEmpty()) {
                return; // this version promises nothing of the kind for this severity
            }
            int cycle = (int) clocks.stream().filter(clock -> clock.type == type).count();
            Clock clock = new Clock(type, cycle, severity, target.get(), calendarFor(target.get()), at, cause);
            if (status == TicketStatus.WAITING_FOR_CUSTOMER) {
                clock.pause(at, "ticket waiting for the customer");
            }
            clocks.add(clock);
        }

        private CalendarRef calendarFor(SlaTarget target) {
            return target.counting() == Counting.BUSINESS_HOURS
                    ? new CalendarRef(region, calendars.calendar(region))
                    : new CalendarRef(null, BusinessCalendar.alwaysOpen());
        }

        private List<Clock> active() {
            return clocks.stream().filter(clock -> clock.state.isActive()).toList();
        }

        List<ResponseClock> clocks() {
            return clocks.stream().map(clock -> clock.toResponseClock(this)).toList();
        }

        /** One clock while the events are walked. */
        private final class Clock {
            private final ClockType type;
            private final int cycle;
            private final Instant startedAt;
            private final List<ClockTransition> history = new ArrayList<>();
            private ClockState state = ClockState.RUNNING;
            private Severity severity;
            private SlaTarget target;
            private CalendarRef calendar;
            private Instant runningSince;
            private Duration counted = Duration.ZERO;
            private Instant breachedAt;
            private Instant endedAt;

            Clock(ClockType type, int cycle, Severity severity, SlaTarget target, CalendarRef calendar, Instant at,
                    String cause) {
                this.type = type;
                this.cycle = cycle;
                this.severity = severity;
                this.target = target;
                this.calendar = calendar;
                this.startedAt = at;
                this.runningSince = at;
                history.add(new ClockTransition(at, Kind.STARTED, cause));
            }

            boolean timesAResponse() {
                return type != ClockType.TIER2_CALLBACK;
            }

            Instant deadline() {
                return calendar.calendar().addBusinessTime(runningSince, nonNegative(target.duration().minus(counted)));
            }

            Instant warningAt() {
                Duration warning = policy.warningAfter(target.duration());
                return calendar.calendar().addBusinessTime(runningSince, nonNegative(warning.minus(counted)));
            }

            void breachIfDue(Instant at) {
                if (state == ClockState.RUNNING && breachedAt == null) {
                    Instant deadline = deadline();
                    if (!deadline.isAfter(at)) {
                        breachedAt = deadline;
                        history.add(new ClockTransition(deadline, Kind.BREACHED, "deadline passed"));
                    }
                }
            }

            /** Closes the running stretch at {@code at}: its time is added to the count. */
            private void count(Instant at) {
                if (runningSince != null) {
                    counted = counted.plus(calendar.calendar().businessTimeBetween(runningSince, at));
                    runningSince = null;
                }
            }

            void pause(Instant at, String cause) {
                if (state == ClockState.RUNNING) {
                    count(at);
                    state = ClockState.PAUSED;
                    history.add(new ClockTransition(at, Kind.PAUSED, cause));
                }
            }

            void resume(Instant at, String cause) {
                if (state == ClockState.PAUSED) {
                    state = ClockState.RUNNING;
                    runningSince = at;
                    history.add(new ClockTransition(at, Kind.RESUMED, cause));
                }
            }

            void retarget(Instant at, Severity newSeverity, SlaTarget newTarget, CalendarRef newCalendar, String cause) {
                boolean running = state == ClockState.RUNNING;
                count(at);
                severity = newSeverity;
                target = newTarget;
                calendar = newCalendar;
                if (running) {
                    runningSince = at;
                }
                history.add(new ClockTransition(at, Kind.RETARGETED, cause));
            }

            void end(Instant at, ClockState outcome, String cause) {
                count(at);
                state = outcome;
                endedAt = at;
                history.add(new ClockTransition(at, outcome == ClockState.MET ? Kind.MET : Kind.STOPPED, cause));
            }

            ResponseClock toResponseClock(Timeline ticket) {
                boolean running = state == ClockState.RUNNING;
                return new ResponseClock(created.ticketId(), ticket.ticketNumber, ticket.systemId, type, cycle, state,
                        severity, policy.version(), target.duration(), calendar.region(), startedAt, runningSince,
                        counted, running ? deadline() : null, running ? warningAt() : null, breachedAt, endedAt,
                        history);
            }
        }
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    /** A clock's calendar and the region it belongs to (null region: counted 24/7). */
    private record CalendarRef(String region, BusinessCalendar calendar) {
    }
}
