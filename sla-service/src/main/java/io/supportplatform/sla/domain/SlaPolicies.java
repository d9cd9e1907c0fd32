package io.supportplatform.sla.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The activated policy versions. A ticket keeps the version in force when it was filed (P16.1): its
 * account's own version (a premium contract) if one is in force then, else the general one.
 */
public record SlaPolicies(List<SlaPolicy> versions) {

    public SlaPolicies {
        versions = versions.stream().filter(SlaPolicy::isActive)
                .sorted(Comparator.comparing(SlaPolicy::effectiveFrom)).toList();
    }

    /** The general version in force at {@code instant}. */
    public Optional<SlaPolicy> inForceAt(Instant instant) {
        return inForceAt(instant, null);
    }

    /** The version in force at {@code instant} for the account {@code systemId}. */
    public Optional<SlaPolicy> inForceAt(Instant instant, String systemId) {
        Optional<SlaPolicy> own = systemId == null ? Optional.empty() : latest(instant, systemId);
        return own.isPresent() ? own : latest(instant, null);
    }

    private Optional<SlaPolicy> latest(Instant instant, String systemId) {
        SlaPolicy inForce = null;
        for (SlaPolicy policy : versions) {
            if (policy.effectiveFrom().isAfter(instant)) {
                break;
            }
            if (Objects.equals(policy.systemId(), systemId)) {
                inForce = policy;
            }
        }
        return Optional.ofNullable(inForce);
    }
}
