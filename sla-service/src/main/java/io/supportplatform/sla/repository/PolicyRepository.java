package io.supportplatform.sla.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportplatform.sla.domain.ClockType;
import io.supportplatform.sla.domain.Severity;
import io.supportplatform.sla.domain.SlaPolicies;
import io.supportplatform.sla.domain.SlaPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads the policy versions with their targets (seeded by Flyway until the admin API exists). */
@ApplicationScoped
public class PolicyRepository {

    public Uni<SlaPolicies> all() {
        return Panache.getSession()
                .flatMap(session -> session.createQuery("from SlaPolicyEntity", SlaPolicyEntity.class).getResultList()
                        .flatMap(policies -> session.createQuery("from SlaTargetEntity", SlaTargetEntity.class)
                                .getResultList()
                                .map(targets -> toDomain(policies, targets))));
    }

    private static SlaPolicies toDomain(List<SlaPolicyEntity> policies, List<SlaTargetEntity> targets) {
        return new SlaPolicies(policies.stream().map(policy -> {
            Map<ClockType, Map<Severity, Duration>> byType = new EnumMap<>(ClockType.class);
            targets.stream().filter(target -> target.policyVersion.equals(policy.version))
                    .forEach(target -> byType.computeIfAbsent(target.clockType, type -> new EnumMap<>(Severity.class))
                            .put(Severity.ofLevel(target.severity), Duration.ofMinutes(target.targetMinutes)));
            return new SlaPolicy(policy.version, policy.effectiveFrom, byType);
        }).toList());
    }
}
