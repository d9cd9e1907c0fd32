package io.supportplatform.ticket.domain;

import java.util.Arrays;

/**
 * How badly the customer is affected; drives the first-response target (P8.1-P8.4). The API, the
 * database and the events carry the level number 1..4.
 */
public enum Severity {
    /** P8.1: complete outage, agents offline or the server down. */
    CRITICAL(1),
    /** P8.2: a business-critical system or an important function is severely impaired. */
    HIGH(2),
    /** P8.3: a feature or function is impaired. */
    NORMAL(3),
    /** P8.4: workflow not impaired, "how do I ..." questions. */
    LOW(4);

    private final int level;

    Severity(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    public static Severity ofLevel(int level) {
        return Arrays.stream(values())
                .filter(severity -> severity.level == level)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No severity level " + level));
    }
}
