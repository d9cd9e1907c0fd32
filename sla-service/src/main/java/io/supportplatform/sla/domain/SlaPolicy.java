package io.supportplatform.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of the support policy: the response targets per clock type and severity, in force
 * from {@code effectiveFrom}. Targets are counted around the clock for now; business calendars
 * per region come later and will be part of the policy.
 */
public record SlaPolicy(String version, Instant effectiveFrom, Map<ClockType, Map<Severity, Duration>> targets) {

    public SlaPolicy {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Map<ClockType, Map<Severity, Duration>> copy = new EnumMap<>(ClockType.class);
        targets.forEach((type, bySeverity) -> copy.put(type, Map.copyOf(bySeverity)));
        targets = Map.copyOf(copy);
    }

    public Optional<Duration> target(ClockType type, Severity severity) {
        return Optional.ofNullable(targets.getOrDefault(type, Map.of()).get(severity));
    }
}
