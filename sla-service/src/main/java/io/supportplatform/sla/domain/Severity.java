package io.supportplatform.sla.domain;

/** Ticket severities of the support policy (P8.1-P8.4); the level is what events carry. */
public enum Severity {
    S1(1), S2(2), S3(3), S4(4);

    private final int level;

    Severity(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    public static Severity ofLevel(int level) {
        for (Severity severity : values()) {
            if (severity.level == level) {
                return severity;
            }
        }
        throw new IllegalArgumentException("severity must be 1..4, was " + level);
    }
}
