package io.supportplatform.sla.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans a ticket's alarms from its clocks as just computed: a pure function, like {@link ResponseClocks}, so
 * a recomputation from the same events plans the same alarms under the same keys.
 * <ul>
 * <li>a running clock: a warning when the policy's warning share of the target is used up, the breach at the
 * deadline, and the policy's escalation levels after the breach (P13);</li>
 * <li>a clock that breached and then stopped counting (paused, met, stopped): the breach still, at the instant it
 * happened, and the escalation levels that fell due before the clock was met or stopped;</li>
 * <li>a met clock: {@code sla-met}, at the moment it was met;</li>
 * <li>a ticket filed with severity 1 or 2: escalated at once (P13.1);</li>
 * <li>each {@code escalation-requested}: escalated at once (P13.3), keyed by that event.</li>
 * </ul>
 * A clock that stops counting before its deadline plans no warning or breach any more, and a re-targeted one
 * plans them at its new times; which planned alarms already fired is the store's business.
 */
public final class ClockAlarms {

    private ClockAlarms() {
    }

    /**
     * @param clocks the ticket's clocks as computed from {@code events}
     * @param events every event held for the ticket, in any order, duplicates allowed
     * @param policies every policy version: a clock's own version gives its escalation levels (P16.1)
     */
    public static List<ClockAlarm> plan(List<ResponseClock> clocks, Collection<TicketEvent> events,
            SlaPolicies policies) {
        List<ClockAlarm> alarms = new ArrayList<>();
        for (ResponseClock clock : clocks) {
            Instant breach = clock.deadline() != null ? clock.deadline() : clock.breachedAt();
            if (clock.deadline() != null && clock.warningAt() != null) {
                alarms.add(clockAlarm(clock, AlarmKind.WARNING, clock.warningAt(), clock.deadline()));
            }
            if (breach != null) {
                alarms.add(clockAlarm(clock, AlarmKind.BREACH, breach, breach));
                for (EscalationLevel level : escalationLevelsOf(clock, policies)) {
                    Instant due = breach.plus(level.afterBreach());
                    // Once met or stopped, nobody needs to act any more: only levels that fell due before count.
                    if (clock.deadline() != null || (clock.endedAt() != null && !due.isAfter(clock.endedAt()))) {
                        alarms.add(new ClockAlarm(keyOf(clock) + "/ESCALATION/" + level.level(), AlarmKind.ESCALATION,
                                due, clock.ticketId(), clock.ticketNumber(), clock.systemId(), clock.severity(),
                                clock.type(), clock.cycle(), clock.policyVersion(), clock.target(), breach,
                                level.level(), EscalationAudience.valueOf(level.audience()), EscalationReason.BREACH,
                                null, null));
                    }
                }
            }
            if (clock.state() == ClockState.MET && clock.endedAt() != null) {
                alarms.add(clockAlarm(clock, AlarmKind.MET, clock.endedAt(), null));
            }
        }
        creation(events).flatMap(created -> criticalEscalation(created, clocks)).ifPresent(alarms::add);
        for (TicketEvent event : events) {
            if (event.type() == TicketEventType.ESCALATION_REQUESTED) {
                customerEscalation(event, clocks).ifPresent(alarms::add);
            }
        }
        // One alarm per key: an event held twice (duplicates are allowed, as for the clocks) plans it once.
        Map<String, ClockAlarm> byKey = new LinkedHashMap<>();
        alarms.forEach(alarm -> byKey.putIfAbsent(alarm.key(), alarm));
        return List.copyOf(byKey.values());
    }

    /** P13.1: business-critical tickets go to Tier-2 on call (S1) or the team lead (S2) the moment they are filed. */
    private static Optional<ClockAlarm> criticalEscalation(TicketEvent created, List<ResponseClock> clocks) {
        EscalationAudience audience = switch (created.severity()) {
            case S1 -> EscalationAudience.TIER2_ON_CALL;
            case S2 -> EscalationAudience.TEAM_LEAD;
            default -> null;
        };
        if (audience == null) {
            return Optional.empty();
        }
        return Optional.of(new ClockAlarm(created.ticketId() + "/ESCALATION/on-creation", AlarmKind.ESCALATION,
                created.occurredAt(), created.ticketId(), created.ticketNumber(), created.systemId(),
                created.severity(), null, null, policyVersionOf(clocks), null, null, 1, audience,
                EscalationReason.CRITICAL_ON_CREATION, created.id(), null));
    }

    /**
     * P13.3: a customer's request escalates at once, keyed by the request so a redelivery never escalates twice:
     * an update request to the team lead (level 1), a request for further escalation to support management (2).
     */
    private static Optional<ClockAlarm> customerEscalation(TicketEvent request, List<ResponseClock> clocks) {
        Severity severity = request.severity() != null ? request.severity()
                : clocks.stream().map(ResponseClock::severity).findFirst().orElse(null);
        if (severity == null) {
            return Optional.empty(); // nothing known about the ticket yet; planned again when its creation arrives
        }
        boolean further = request.escalationKind() == TicketEvent.EscalationKind.ESCALATION;
        return Optional.of(new ClockAlarm(request.ticketId() + "/ESCALATION/request/" + request.id(),
                AlarmKind.ESCALATION, request.occurredAt(), request.ticketId(), request.ticketNumber(),
                request.systemId(), severity, null, null, policyVersionOf(clocks), null, null, further ? 2 : 1,
                further ? EscalationAudience.SUPPORT_MANAGEMENT : EscalationAudience.TEAM_LEAD,
                EscalationReason.CUSTOMER_REQUEST, request.id(),
                request.escalationKind() == null ? null : request.escalationKind().name()));
    }

    /** The ticket's creation: the earliest ticket-created held (a second one changes nothing, as for the clocks). */
    private static Optional<TicketEvent> creation(Collection<TicketEvent> events) {
        return events.stream().filter(event -> event.type() == TicketEventType.TICKET_CREATED)
                .filter(event -> event.severity() != null)
                .min(ResponseClocks.OCCURRENCE_ORDER);
    }

    private static String policyVersionOf(List<ResponseClock> clocks) {
        return clocks.stream().map(ResponseClock::policyVersion).findFirst().orElse(null);
    }

    private static List<EscalationLevel> escalationLevelsOf(ResponseClock clock, SlaPolicies policies) {
        return policies.versions().stream().filter(policy -> policy.version().equals(clock.policyVersion()))
                .findFirst().map(SlaPolicy::escalationLevels).orElse(SlaPolicy.DEFAULT_ESCALATION_LEVELS);
    }

    private static ClockAlarm clockAlarm(ResponseClock clock, AlarmKind kind, Instant dueAt, Instant deadline) {
        return new ClockAlarm(keyOf(clock) + "/" + kind, kind, dueAt, clock.ticketId(), clock.ticketNumber(),
                clock.systemId(), clock.severity(), clock.type(), clock.cycle(), clock.policyVersion(), clock.target(),
                deadline, null, null, null, null, null);
    }

    private static String keyOf(ResponseClock clock) {
        return clock.ticketId() + "/" + clock.type() + "/" + clock.cycle();
    }
}
