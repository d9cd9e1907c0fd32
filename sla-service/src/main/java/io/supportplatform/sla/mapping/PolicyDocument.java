package io.supportplatform.sla.mapping;

import java.util.List;

/**
 * A new policy version as the admin API takes it (P16.1). Values are checked by {@link PolicyMapper}, which
 * names every bad field at once.
 *
 * @param systemId the one customer account the version applies to (a premium contract), or null for all
 * @param warningShare the share of a target after which support is warned; 0.75 when absent
 * @param escalationLevels the levels after a breach (P13); the default levels when absent
 */
public record PolicyDocument(String version, String description, String systemId, Double warningShare,
        List<Target> targets, List<Level> escalationLevels) {

    /** @param counting AROUND_THE_CLOCK (default) or BUSINESS_HOURS of the ticket's region */
    public record Target(String clockType, Integer severity, Long minutes, String counting) {
    }

    public record Level(Integer level, Long afterBreachMinutes, String audience) {
    }
}
