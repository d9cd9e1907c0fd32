package io.supportplatform.cloudevents;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields of one JSON object of a consumed structured-mode CloudEvent (the envelope, its {@code data}, or an
 * object nested in it). Each read names its problem (with the field's path, e.g. {@code data.products[0].name})
 * instead of failing on the first, so {@link #check()} can throw them all at once and a dead-lettered message
 * names everything that is wrong with it. An envelope and all objects read from it share one problem list.
 * <p>
 * A failed read returns {@code null} (or {@code 0}, {@code List.of()} where noted); the caller then throws with
 * {@link #check()} before using the values. The fields of an object that is not there are not reported one by
 * one: the object's own problem ({@code data must be a JSON object}) says it. Unknown fields are ignored, so a
 * producer may add optional fields within a type version.
 */
public class EventFields {

    private static final String DATE = "an ISO 8601 date (yyyy-mm-dd)";

    private final JsonNode node;
    private final String prefix;
    private final List<String> problems;

    EventFields(JsonNode node, String path, List<String> problems) {
        this.prefix = path.isEmpty() ? "" : path + ".";
        this.problems = problems;
        if (node == null || !node.isObject()) {
            problems.add((path.isEmpty() ? "message" : path) + " must be a JSON object");
            this.node = null;
        } else {
            this.node = node;
        }
    }

    /**
     * Reads {@code value} as a CloudEvents 1.0 envelope of one of {@code types} with a UUID {@code id}.
     *
     * @throws MalformedEventException at once when the message is empty or not JSON at all
     */
    public static EventEnvelope envelope(ObjectMapper json, String value, Collection<String> types) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException(List.of("empty message"));
        }
        JsonNode root;
        try {
            root = json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(List.of("not JSON: " + e.getOriginalMessage()));
        }
        return new EventEnvelope(root, types);
    }

    /** The object in field {@code name}; a missing one (or another JSON value) is a problem. */
    public EventFields object(String name) {
        return new EventFields(field(name), prefix + name, problems);
    }

    /** Adds a problem that is not about one field's form, e.g. fields that contradict each other. */
    public void problem(String problem) {
        problems.add(problem);
    }

    /** @throws MalformedEventException with every problem found so far (of this object and all read with it) */
    public void check() {
        if (!problems.isEmpty()) {
            throw new MalformedEventException(problems);
        }
    }

    /** A string that is present and not blank. */
    public String text(String name) {
        if (node == null) {
            return null;
        }
        JsonNode field = node.get(name);
        if (field == null || !field.isTextual() || field.asText().isBlank()) {
            problems.add(prefix + name + " must be a non-blank string");
            return null;
        }
        return field.asText();
    }

    /** Absent, null or any string, blank ones included (returned as they are). */
    public String optionalText(String name) {
        return optional(name, true, "a string or null");
    }

    /** Absent, null or a non-blank string: a blank one is a problem, not taken for absent. */
    public String optionalNonBlankText(String name) {
        return optional(name, false, "a non-blank string when present");
    }

    private String optional(String name, boolean blankAllowed, String form) {
        JsonNode field = field(name);
        if (field == null || field.isNull()) {
            return null;
        }
        if (!field.isTextual() || (!blankAllowed && field.asText().isBlank())) {
            problems.add(prefix + name + " must be " + form);
            return null;
        }
        return field.asText();
    }

    /** A required string that must be exactly {@code expected}. */
    public void requireText(String name, String expected) {
        String actual = text(name);
        if (actual != null && !actual.equals(expected)) {
            problems.add(prefix + name + " must be " + expected + ", was " + actual);
        }
    }

    /** A required string matching {@code pattern} as a whole. */
    public String matching(String name, Pattern pattern) {
        String text = text(name);
        if (text != null && !pattern.matcher(text).matches()) {
            problems.add(prefix + name + " must match " + pattern.pattern());
            return null;
        }
        return text;
    }

    public UUID uuid(String name) {
        return parsed(name, text(name), UUID::fromString, "a UUID");
    }

    /** A required timestamp such as {@code 2026-11-28T09:00:00Z}. */
    public Instant instant(String name) {
        return parsed(name, text(name), Instant::parse, "an RFC 3339 UTC timestamp");
    }

    /** A required calendar date such as {@code 2026-12-01}. */
    public LocalDate date(String name) {
        return parsed(name, text(name), LocalDate::parse, DATE);
    }

    /** Absent, null or a calendar date. */
    public LocalDate optionalDate(String name) {
        return parsed(name, optionalNonBlankText(name), LocalDate::parse, DATE);
    }

    /** A required constant of {@code type}, by its exact name. */
    public <E extends Enum<E>> E oneOf(String name, Class<E> type) {
        String text = text(name);
        return parsed(name, text, constant -> Enum.valueOf(type, constant),
                "one of " + Arrays.toString(type.getEnumConstants()) + ", was " + text);
    }

    /** {@code text} (null when already found missing) parsed, or a problem: {@code <field> must be <form>}. */
    private <T> T parsed(String name, String text, Function<String, T> parse, String form) {
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException | DateTimeException e) {
            problems.add(prefix + name + " must be " + form);
            return null;
        }
    }

    /** A required whole number >= 1 (such as {@code data.sequence}); {@code 0} when it is not one. */
    public long positiveLong(String name) {
        if (node == null) {
            return 0;
        }
        JsonNode field = node.get(name);
        if (field == null || !field.canConvertToExactIntegral() || !field.canConvertToLong() || field.asLong() < 1) {
            problems.add(prefix + name + " must be a positive integer");
            return 0;
        }
        return field.asLong();
    }

    /** A required JSON integer within the int range; {@code 0} when it is not one. */
    public int integer(String name) {
        if (node == null) {
            return 0;
        }
        JsonNode field = node.get(name);
        if (field == null || !field.isIntegralNumber() || !field.canConvertToInt()) {
            problems.add(prefix + name + " must be an integer");
            return 0;
        }
        return field.asInt();
    }

    /** A required JSON integer from {@code min} to {@code max}; {@code null} when it is not one. */
    public Integer integerIn(String name, int min, int max) {
        if (node == null) {
            return null;
        }
        JsonNode field = node.get(name);
        if (field == null || !field.isIntegralNumber() || !field.canConvertToInt() || field.asInt() < min
                || field.asInt() > max) {
            problems.add(prefix + name + " must be an integer " + min + ".." + max);
            return null;
        }
        return field.asInt();
    }

    /**
     * An array of strings. When {@code optional}, absent or null counts as empty; otherwise it is a problem.
     * {@code List.of()} when it is not an array of strings.
     */
    public List<String> texts(String name, boolean optional) {
        if (node == null) {
            return List.of();
        }
        JsonNode field = node.get(name);
        if (field == null || field.isNull()) {
            if (!optional) {
                problems.add(prefix + name + " must be an array of strings");
            }
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        if (!field.isArray()) {
            problems.add(prefix + name + " must be an array of strings");
            return List.of();
        }
        for (JsonNode element : field) {
            if (!element.isTextual()) {
                problems.add(prefix + name + " must be an array of strings");
                return List.of();
            }
            texts.add(element.asText());
        }
        return texts;
    }

    /** A required array of objects, each read with its own fields ({@code name[i].field}). */
    public List<EventFields> objects(String name) {
        if (node == null) {
            return List.of();
        }
        JsonNode field = node.get(name);
        if (field == null || !field.isArray()) {
            problems.add(prefix + name + " must be an array");
            return List.of();
        }
        List<EventFields> objects = new ArrayList<>();
        for (int i = 0; i < field.size(); i++) {
            objects.add(new EventFields(field.get(i), prefix + name + "[" + i + "]", problems));
        }
        return objects;
    }

    private JsonNode field(String name) {
        return node == null ? null : node.get(name);
    }
}
