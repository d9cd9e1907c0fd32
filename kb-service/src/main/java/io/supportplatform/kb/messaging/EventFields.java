package io.supportplatform.kb.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the fields of a structured-mode CloudEvent (or of its {@code data}) and collects every problem instead
 * of failing on the first, so a dead-lettered message names all that is wrong with it. Unknown fields are
 * ignored: producers may add optional fields within a type version.
 */
final class EventFields {

    private final JsonNode node;
    private final String prefix;
    private final List<String> problems;

    private EventFields(JsonNode node, String prefix, List<String> problems) {
        this.prefix = prefix;
        this.problems = problems;
        if (node == null || !node.isObject()) {
            problems.add((prefix.isEmpty() ? "message" : prefix.substring(0, prefix.length() - 1))
                    + " must be a JSON object");
            this.node = null;
        } else {
            this.node = node;
        }
    }

    /** The envelope of {@code value}, checked to be CloudEvents 1.0 of one of the given types. */
    static EventFields envelope(ObjectMapper json, String value, Set<String> expectedTypes) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException(List.of("empty message"));
        }
        JsonNode root;
        try {
            root = json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(List.of("not JSON: " + e.getOriginalMessage()));
        }
        EventFields envelope = new EventFields(root, "", new ArrayList<>());
        envelope.requireText("specversion", "1.0");
        String type = envelope.text("type");
        if (type != null && !expectedTypes.contains(type)) {
            envelope.problem("type must be one of " + expectedTypes + ", was " + type);
        }
        envelope.uuid("id");
        return envelope;
    }

    EventFields object(String name) {
        return new EventFields(node == null ? null : node.get(name), prefix + name + ".", problems);
    }

    /** Throws the collected problems, if any. */
    void check() {
        if (!problems.isEmpty()) {
            throw new MalformedEventException(problems);
        }
    }

    void problem(String problem) {
        problems.add(problem);
    }

    String text(String name) {
        JsonNode field = field(name);
        if (field == null || !field.isTextual() || field.asText().isBlank()) {
            problems.add(prefix + name + " must be a non-blank string");
            return null;
        }
        return field.asText();
    }

    /** Absent, null or a string. */
    String optionalText(String name) {
        JsonNode field = field(name);
        if (field == null || field.isNull()) {
            return null;
        }
        if (!field.isTextual()) {
            problems.add(prefix + name + " must be a string or null");
            return null;
        }
        return field.asText();
    }

    void requireText(String name, String expected) {
        String actual = text(name);
        if (actual != null && !actual.equals(expected)) {
            problems.add(prefix + name + " must be " + expected + ", was " + actual);
        }
    }

    UUID uuid(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            problems.add(prefix + name + " must be a UUID");
            return null;
        }
    }

    Instant instant(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(prefix + name + " must be an RFC 3339 UTC timestamp");
            return null;
        }
    }

    long positiveLong(String name) {
        JsonNode field = field(name);
        if (field == null || !field.canConvertToExactIntegral() || !field.canConvertToLong() || field.asLong() < 1) {
            problems.add(prefix + name + " must be a positive integer");
            return 0;
        }
        return field.asLong();
    }

    int integer(String name) {
        JsonNode field = field(name);
        if (field == null || !field.isIntegralNumber()) {
            problems.add(prefix + name + " must be an integer");
            return 0;
        }
        return field.asInt();
    }

    /** An array of strings; absent counts as empty only when {@code optional}. */
    List<String> texts(String name, boolean optional) {
        JsonNode field = field(name);
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

    /** An array of objects, each read with its own {@code EventFields}. */
    List<EventFields> objects(String name) {
        JsonNode field = field(name);
        if (field == null || !field.isArray()) {
            problems.add(prefix + name + " must be an array");
            return List.of();
        }
        List<EventFields> objects = new ArrayList<>();
        for (int i = 0; i < field.size(); i++) {
            objects.add(new EventFields(field.get(i), prefix + name + "[" + i + "].", problems));
        }
        return objects;
    }

    private JsonNode field(String name) {
        return node == null ? null : node.get(name);
    }
}
