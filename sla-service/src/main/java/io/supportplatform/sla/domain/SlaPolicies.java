package io.supportplatform.sla.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** All policy versions ever in force; a clock uses the one in force when it started (P16.1). */
public record SlaPolicies(List<SlaPolicy> versions) {

    public SlaPolicies {
        versions = versions.stream().sorted(Comparator.comparing(SlaPolicy::effectiveFrom)).toList();
    }

    public Optional<SlaPolicy> inForceAt(Instant instant) {
        SlaPolicy inForce = null;
        for (SlaPolicy policy : versions) {
            if (policy.effectiveFrom().isAfter(instant)) {
                break;
            }
            inForce = policy;
        }
        return Optional.ofNullable(inForce);
    }
}
