package io.supportplatform.sla.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.supportplatform.sla.domain.SlaPolicies;
import io.supportplatform.sla.domain.SlaPolicy;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A policy version as the admin API shows it. {@code status}: DRAFT (not activated), SCHEDULED (comes into
 * force later), IN_FORCE (the version new tickets of its accounts get now), SUPERSEDED (a later one took over).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyView(String version, String description, String systemId, String status, Instant effectiveFrom,
        double warningShare, List<Target> targets, List<Level> escalationLevels) {

    public record Target(String clockType, int severity, long minutes, String counting) {
    }

    public record Level(int level, long afterBreachMinutes, String audience) {
    }

    static PolicyView of(SlaPolicy policy, SlaPolicies active, Instant now) {
        List<Target> targets = policy.targets().entrySet().stream()
                .flatMap(byType -> byType.getValue().entrySet().stream()
                        .map(bySeverity -> new Target(byType.getKey().name(), bySeverity.getKey().level(),
                                bySeverity.getValue().duration().toMinutes(), bySeverity.getValue().counting().name())))
                .sorted(Comparator.comparing(Target::clockType).thenComparingInt(Target::severity))
                .toList();
        List<Level> levels = policy.escalationLevels().stream()
                .map(level -> new Level(level.level(), level.afterBreach().toMinutes(), level.audience()))
                .toList();
        return new PolicyView(policy.version(), policy.description(), policy.systemId(), status(policy, active, now),
                policy.effectiveFrom(), policy.warningShare(), targets, levels);
    }

    private static String status(SlaPolicy policy, SlaPolicies active, Instant now) {
        if (!policy.isActive()) {
            return "DRAFT";
        }
        if (policy.effectiveFrom().isAfter(now)) {
            return "SCHEDULED";
        }
        boolean inForce = active.inForceAt(now, policy.systemId())
                .filter(current -> Objects.equals(current.systemId(), policy.systemId()))
                .map(current -> current.version().equals(policy.version()))
                .orElse(false);
        return inForce ? "IN_FORCE" : "SUPERSEDED";
    }
}
