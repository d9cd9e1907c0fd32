package io.supportplatform.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of the support policy (P16.1): per clock type and severity a target and whether it is
 * counted 24/7 or in the region's business hours, the share of a target after which support is warned,
 * and the escalation levels after a breach (P13).
 *
 * @param effectiveFrom when the version comes into force; null while it is a draft not yet activated
 * @param systemId the one customer account this version applies to (a premium contract), or null for all
 */
public record SlaPolicy(String version, Instant effectiveFrom, String systemId, String description,
        Map<ClockType, Map<Severity, SlaTarget>> targets, double warningShare, List<EscalationLevel> escalationLevels) {

    public static final double DEFAULT_WARNING_SHARE = 0.75;

    /** Level 1 team lead at the breach, level 2 support management and level 3 Tier-2 on-call later (P13). */
    public static final List<EscalationLevel> DEFAULT_ESCALATION_LEVELS = List.of(
            new EscalationLevel(1, Duration.ZERO, EscalationLevel.TEAM_LEAD),
            new EscalationLevel(2, Duration.ofHours(1), EscalationLevel.SUPPORT_MANAGEMENT),
            new EscalationLevel(3, Duration.ofHours(2), EscalationLevel.TIER2_ON_CALL));

    public SlaPolicy {
        Objects.requireNonNull(version, "version");
        if (!(warningShare > 0 && warningShare < 1)) {
            throw new IllegalArgumentException("the warning share must lie between 0 and 1, was " + warningShare);
        }
        Map<ClockType, Map<Severity, SlaTarget>> copy = new EnumMap<>(ClockType.class);
        targets.forEach((type, bySeverity) -> copy.put(type, Map.copyOf(bySeverity)));
        targets = Map.copyOf(copy);
        escalationLevels = escalationLevels.stream().sorted(Comparator.comparingInt(EscalationLevel::level)).toList();
    }

    /** A general version with targets counted 24/7, the default warning share and escalation levels. */
    public SlaPolicy(String version, Instant effectiveFrom, Map<ClockType, Map<Severity, Duration>> targets) {
        this(version, effectiveFrom, null, "Support policy " + version, aroundTheClock(targets), DEFAULT_WARNING_SHARE,
                DEFAULT_ESCALATION_LEVELS);
    }

    public Optional<Duration> target(ClockType type, Severity severity) {
        return slaTarget(type, severity).map(SlaTarget::duration);
    }

    public Optional<SlaTarget> slaTarget(ClockType type, Severity severity) {
        return Optional.ofNullable(targets.getOrDefault(type, Map.of()).get(severity));
    }

    /** The time after which the warning falls due (the warning share of the target), whole seconds. */
    public Duration warningAfter(Duration target) {
        return Duration.ofSeconds((long) Math.floor(target.toSeconds() * warningShare));
    }

    /** This version, activated from {@code instant}. */
    public SlaPolicy activeFrom(Instant instant) {
        return new SlaPolicy(version, Objects.requireNonNull(instant, "instant"), systemId, description, targets,
                warningShare, escalationLevels);
    }

    public boolean isActive() {
        return effectiveFrom != null;
    }

    private static Map<ClockType, Map<Severity, SlaTarget>> aroundTheClock(Map<ClockType, Map<Severity, Duration>> targets) {
        Map<ClockType, Map<Severity, SlaTarget>> byType = new EnumMap<>(ClockType.class);
        targets.forEach((type, bySeverity) -> {
            Map<Severity, SlaTarget> converted = new EnumMap<>(Severity.class);
            bySeverity.forEach((severity, duration) -> converted.put(severity, SlaTarget.aroundTheClock(duration)));
            byType.put(type, converted);
        });
        return byType;
    }
}
