package io.supportplatform.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An SLA event that falls due at {@code dueAt}. The {@code key} names what the alarm is about (a ticket's
 * clock and the kind, or the event that caused an escalation), so planning again from the same facts finds
 * the same alarm: it fires once, however often a ticket's clocks are recomputed.
 *
 * @param clockType the clock the alarm is about; null for escalations not tied to a clock (P13.1, P13.3)
 * @param cycle the clock's cycle; null with {@code clockType}
 * @param policyVersion the policy version of the clock; null when no clock is involved
 * @param target the clock's target; null when no clock is involved
 * @param deadline the clock's deadline for warnings, breaches and breach escalations; null otherwise
 * @param level escalation level, counted from 1; null for other kinds
 * @param causeEventId the ticket event that caused an immediate escalation; null otherwise
 * @param requestKind what the customer asked for (P13.3: {@code UPDATE} or {@code ESCALATION}); null otherwise
 */
public record ClockAlarm(
        String key,
        AlarmKind kind,
        Instant dueAt,
        UUID ticketId,
        String ticketNumber,
        String systemId,
        Severity severity,
        ClockType clockType,
        Integer cycle,
        String policyVersion,
        Duration target,
        Instant deadline,
        Integer level,
        EscalationAudience audience,
        EscalationReason reason,
        UUID causeEventId,
        String requestKind) {

    public ClockAlarm {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(severity, "severity");
        if (kind == AlarmKind.ESCALATION) {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(reason, "reason");
        } else {
            Objects.requireNonNull(clockType, "clockType");
        }
    }
}
