package io.supportplatform.cloudevents;

import java.util.ArrayList;
import java.util.Collection;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The top level of a structured-mode CloudEvent, read with {@link EventFields#envelope}: {@code specversion}
 * 1.0, a {@code type} the consumer expects and a UUID {@code id} (consumers dedupe on it) are checked on reading;
 * {@code subject}, {@code data} and the rest are read like any fields.
 */
public final class EventEnvelope extends EventFields {

    private final UUID id;
    private final String type;

    EventEnvelope(JsonNode root, Collection<String> types) {
        super(root, "", new ArrayList<>());
        requireText("specversion", "1.0");
        String type = text("type");
        if (type != null && !types.contains(type)) {
            problem(types.size() == 1 ? "type must be " + types.iterator().next() + ", was " + type
                    : "type must be one of " + types + ", was " + type);
            type = null;
        }
        this.type = type;
        this.id = uuid("id");
    }

    /** The event's id; {@code null} when it is missing or no UUID (a problem then). */
    public UUID id() {
        return id;
    }

    /** The event's type, one of those expected; {@code null} when it is missing or another (a problem then). */
    public String type() {
        return type;
    }
}
