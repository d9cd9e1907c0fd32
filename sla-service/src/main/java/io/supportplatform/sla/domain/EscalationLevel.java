package io.supportplatform.sla.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * One step of escalation after a breach (P13): level {@code level} reaches {@code audience}
 * {@code afterBreach} after the deadline passed (zero = at the breach).
 */
public record EscalationLevel(int level, Duration afterBreach, String audience) {

    public static final String TEAM_LEAD = "TEAM_LEAD";
    public static final String SUPPORT_MANAGEMENT = "SUPPORT_MANAGEMENT";
    public static final String TIER2_ON_CALL = "TIER2_ON_CALL";
    public static final Set<String> AUDIENCES = Set.of(TEAM_LEAD, SUPPORT_MANAGEMENT, TIER2_ON_CALL);

    public EscalationLevel {
        Objects.requireNonNull(afterBreach, "afterBreach");
        Objects.requireNonNull(audience, "audience");
        if (level < 1) {
            throw new IllegalArgumentException("escalation levels count from 1, was " + level);
        }
        if (afterBreach.isNegative()) {
            throw new IllegalArgumentException("an escalation cannot come before the breach, was " + afterBreach);
        }
        if (!AUDIENCES.contains(audience)) {
            throw new IllegalArgumentException("audience must be one of " + AUDIENCES + ", was " + audience);
        }
    }
}
