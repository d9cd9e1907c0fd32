package io.supportplatform.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Plans a ticket's alarms from its clocks as just computed: a pure function, like {@link ResponseClocks}, so
 * a recomputation from the same events plans the same alarms under the same keys.
 * <ul>
 * <li>a counting clock (one with a deadline): a warning when the warning share of the target is used up, the
 * breach at the deadline, and the escalation levels after the breach (P13);</li>
 * <li>a met clock: {@code sla-met}, once;</li>
 * <li>a ticket filed with severity 1 or 2: escalated at once (P13.1).</li>
 * </ul>
 * A clock that stops counting (paused, met, stopped) plans no warning or breach any more, and a re-targeted
 * one plans them at its new times; which planned alarms already fired is the store's business.
 */
public final class ClockAlarms {

    /** The warning share of the target (architecture: 75 % by default). */
    static final double WARNING_SHARE = 0.75;

    private ClockAlarms() {
    }

    /**
     * @param clocks the ticket's clocks as computed at {@code now}
     * @param events every event held for the ticket
     * @param now the instant of the computation: when a newly met clock is reported
     */
    public static List<ClockAlarm> plan(List<ResponseClock> clocks, Collection<TicketEvent> events, Instant now) {
        List<ClockAlarm> alarms = new ArrayList<>();
        for (ResponseClock clock : clocks) {
            if (clock.deadline() != null) {
                alarms.add(clockAlarm(clock, AlarmKind.WARNING, warningAt(clock)));
                alarms.add(clockAlarm(clock, AlarmKind.BREACH, clock.deadline()));
                for (BreachEscalation step : breachEscalations(clock)) {
                    alarms.add(new ClockAlarm(keyOf(clock) + "/ESCALATION/" + step.level(), AlarmKind.ESCALATION,
                            clock.deadline().plus(step.afterBreach()), clock.ticketId(), clock.ticketNumber(),
                            clock.systemId(), clock.severity(), clock.type(), clock.cycle(), clock.policyVersion(),
                            clock.target(), clock.deadline(), step.level(), step.audience(), EscalationReason.BREACH,
                            null, null));
                }
            } else if (clock.state() == ClockState.MET) {
                alarms.add(clockAlarm(clock, AlarmKind.MET, now));
            }
        }
        creation(events).flatMap(created -> criticalEscalation(created, clocks)).ifPresent(alarms::add);
        return alarms;
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
        String policyVersion = clocks.stream().map(ResponseClock::policyVersion).findFirst().orElse(null);
        return Optional.of(new ClockAlarm(created.ticketId() + "/ESCALATION/on-creation", AlarmKind.ESCALATION,
                created.occurredAt(), created.ticketId(), created.ticketNumber(), created.systemId(),
                created.severity(), null, null, policyVersion, null, null, 1, audience,
                EscalationReason.CRITICAL_ON_CREATION, created.id(), null));
    }

    /** The ticket's creation: the earliest ticket-created held (a second one changes nothing, as for the clocks). */
    private static Optional<TicketEvent> creation(Collection<TicketEvent> events) {
        return events.stream().filter(event -> event.type() == TicketEventType.TICKET_CREATED)
                .filter(event -> event.severity() != null)
                .min(ResponseClocks.OCCURRENCE_ORDER);
    }

    private static ClockAlarm clockAlarm(ResponseClock clock, AlarmKind kind, Instant dueAt) {
        return new ClockAlarm(keyOf(clock) + "/" + kind, kind, dueAt, clock.ticketId(), clock.ticketNumber(),
                clock.systemId(), clock.severity(), clock.type(), clock.cycle(), clock.policyVersion(), clock.target(),
                clock.deadline(), null, null, null, null, null);
    }

    private static String keyOf(ResponseClock clock) {
        return clock.ticketId() + "/" + clock.type() + "/" + clock.cycle();
    }

    /** When the warning share of the target is used up, counted back from the deadline (24/7 counting). */
    private static Instant warningAt(ResponseClock clock) {
        Duration rest = Duration.ofMillis(Math.round(clock.target().toMillis() * (1 - WARNING_SHARE)));
        return clock.deadline().minus(rest);
    }

    /** Level 1 the team lead at the breach, level 2 support management at 150 % of the target (architecture). */
    private static List<BreachEscalation> breachEscalations(ResponseClock clock) {
        return List.of(new BreachEscalation(1, Duration.ZERO, EscalationAudience.TEAM_LEAD),
                new BreachEscalation(2, clock.target().dividedBy(2), EscalationAudience.SUPPORT_MANAGEMENT));
    }

    private record BreachEscalation(int level, Duration afterBreach, EscalationAudience audience) {
    }
}
