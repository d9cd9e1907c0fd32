package io.supportplatform.sla.mapping;

import io.supportplatform.sla.domain.ClockType;
import io.supportplatform.sla.domain.Counting;
import io.supportplatform.sla.domain.EscalationLevel;
import io.supportplatform.sla.domain.Severity;
import io.supportplatform.sla.domain.SlaPolicy;
import io.supportplatform.sla.domain.SlaTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Validates a {@link PolicyDocument} field by field and turns it into a draft {@link SlaPolicy}. */
public final class PolicyMapper {

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final Pattern SYSTEM_ID = Pattern.compile("\\d{6}"); // P5.a
    /** A target longer than a year is no response promise; it is a typo. */
    private static final long MAX_TARGET_MINUTES = 366L * 24 * 60;

    private PolicyMapper() {
    }

    /** @throws io.supportplatform.problem.ProblemException 400 naming every bad field */
    public static SlaPolicy toDraft(PolicyDocument document) {
        Violations violations = new Violations();
        if (document == null) {
            violations.add("", "NotNull", "a policy version is required");
            violations.throwIfAny();
        }
        if (document.version() == null || !VERSION.matcher(document.version()).matches()) {
            violations.add("version", "Pattern", "must be 1-32 letters, digits, '.', '_' or '-', e.g. 2027-01-01");
        }
        if (document.description() == null || document.description().isBlank()) {
            violations.add("description", "NotBlank", "must not be blank");
        }
        if (document.systemId() != null && !SYSTEM_ID.matcher(document.systemId()).matches()) {
            violations.add("systemId", "Pattern", "must be the account's 6-digit system ID (P5.a), or absent for all accounts");
        }
        double share = document.warningShare() == null ? SlaPolicy.DEFAULT_WARNING_SHARE : document.warningShare();
        if (!(share > 0 && share < 1)) {
            violations.add("warningShare", "Range", "must lie between 0 and 1 (exclusive), e.g. 0.75");
        }
        Map<ClockType, Map<Severity, SlaTarget>> targets = targets(document.targets(), violations);
        List<EscalationLevel> levels = document.escalationLevels() == null ? SlaPolicy.DEFAULT_ESCALATION_LEVELS
                : levels(document.escalationLevels(), violations);
        violations.throwIfAny();
        return new SlaPolicy(document.version(), null, document.systemId(), document.description(), targets, share,
                levels);
    }

    private static Map<ClockType, Map<Severity, SlaTarget>> targets(List<PolicyDocument.Target> targets,
            Violations violations) {
        Map<ClockType, Map<Severity, SlaTarget>> byType = new EnumMap<>(ClockType.class);
        if (targets == null || targets.isEmpty()) {
            violations.add("targets", "NotEmpty", "needs a FIRST_RESPONSE target for every severity 1..4 (P8)");
            return byType;
        }
        Set<String> given = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            PolicyDocument.Target target = targets.get(i);
            String field = "targets[" + i + "]";
            if (target == null) {
                violations.add(field, "NotNull", "must be a target");
                continue;
            }
            ClockType type = enumValue(ClockType.class, target.clockType(), field + ".clockType", violations);
            Severity severity = null;
            if (target.severity() == null || target.severity() < 1 || target.severity() > 4) {
                violations.add(field + ".severity", "Range", "must be 1..4");
            } else {
                severity = Severity.ofLevel(target.severity());
            }
            boolean minutesValid = target.minutes() != null && target.minutes() > 0
                    && target.minutes() <= MAX_TARGET_MINUTES;
            if (!minutesValid) {
                violations.add(field + ".minutes", "Positive", "must be a positive number of minutes, at most a year");
            }
            Counting counting = target.counting() == null ? Counting.AROUND_THE_CLOCK
                    : enumValue(Counting.class, target.counting(), field + ".counting", violations);
            if (type == ClockType.TIER2_CALLBACK && severity != null && severity != Severity.S1) {
                violations.add(field + ".severity", "Tier2Callback", "a Tier-2 callback is promised for severity 1 only (P8.1)");
            }
            if (type == null || severity == null) {
                continue;
            }
            if (!given.add(type + "#" + severity)) {
                violations.add(field, "Unique", "a second " + type + " target for severity " + severity.level());
            } else if (minutesValid && counting != null) {
                byType.computeIfAbsent(type, key -> new EnumMap<>(Severity.class))
                        .put(severity, new SlaTarget(Duration.ofMinutes(target.minutes()), counting));
            }
        }
        // Only targets not given at all: a given but invalid one is already named by its own field.
        Set<Integer> missing = new TreeSet<>();
        for (Severity severity : Severity.values()) {
            if (!given.contains(ClockType.FIRST_RESPONSE + "#" + severity)) {
                missing.add(severity.level());
            }
        }
        if (!missing.isEmpty()) {
            violations.add("targets", "FirstResponse", "needs a FIRST_RESPONSE target for severities " + missing + " (P8)");
        }
        return byType;
    }

    private static List<EscalationLevel> levels(List<PolicyDocument.Level> levels, Violations violations) {
        List<EscalationLevel> result = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < levels.size(); i++) {
            PolicyDocument.Level level = levels.get(i);
            String field = "escalationLevels[" + i + "]";
            if (level == null) {
                violations.add(field, "NotNull", "must be an escalation level");
                continue;
            }
            boolean valid = true;
            if (level.level() == null || level.level() < 1) {
                violations.add(field + ".level", "Min", "must be 1 or more");
                valid = false;
            } else if (!seen.add(level.level())) {
                violations.add(field + ".level", "Unique", "level " + level.level() + " is given twice");
                valid = false;
            }
            if (level.afterBreachMinutes() == null || level.afterBreachMinutes() < 0) {
                violations.add(field + ".afterBreachMinutes", "PositiveOrZero", "must be 0 (at the breach) or more minutes");
                valid = false;
            }
            if (level.audience() == null || !EscalationLevel.AUDIENCES.contains(level.audience())) {
                violations.add(field + ".audience", "Enum", "must be one of " + new TreeSet<>(EscalationLevel.AUDIENCES));
                valid = false;
            }
            if (valid) {
                result.add(new EscalationLevel(level.level(), Duration.ofMinutes(level.afterBreachMinutes()),
                        level.audience()));
            }
        }
        result.sort((a, b) -> Integer.compare(a.level(), b.level()));
        for (int i = 1; i < result.size(); i++) {
            if (result.get(i).afterBreach().compareTo(result.get(i - 1).afterBreach()) < 0) {
                violations.add("escalationLevels", "Order", "a higher level cannot come before a lower one");
                break;
            }
        }
        return result;
    }

    /** The instant a version is to come into force; validated by the caller against the clock. */
    public static Instant effectiveFrom(String text) {
        Violations violations = new Violations();
        Instant instant = null;
        try {
            instant = Instant.parse(text);
        } catch (RuntimeException e) {
            violations.add("effectiveFrom", "Instant", "must be an RFC 3339 UTC timestamp, e.g. 2027-01-01T00:00:00Z");
        }
        violations.throwIfAny();
        return instant;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field, Violations violations) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException | NullPointerException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            violations.add(field, "Enum", "must be one of " + names);
            return null;
        }
    }
}
