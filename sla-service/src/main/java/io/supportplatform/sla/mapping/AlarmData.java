package io.supportplatform.sla.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supportplatform.sla.domain.AlarmKind;
import io.supportplatform.sla.domain.ClockAlarm;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The {@code data} of the SLA event an alarm publishes, as planned (deploy/contracts/sla-*.v1.schema.json);
 * the scheduler adds {@code sequence} when it fires. Fields that do not apply are left out.
 */
@ApplicationScoped
public class AlarmData {

    private final ObjectMapper json;

    public AlarmData(ObjectMapper json) {
        this.json = json;
    }

    public String of(ClockAlarm alarm) {
        ObjectNode data = json.createObjectNode();
        data.put("ticketId", alarm.ticketId().toString());
        putText(data, "ticketNumber", alarm.ticketNumber());
        putText(data, "systemId", alarm.systemId());
        data.put("severity", alarm.severity().level());
        if (alarm.clockType() != null) {
            data.put("clockType", alarm.clockType().name());
            data.put("cycle", alarm.cycle());
        }
        putText(data, "policyVersion", alarm.policyVersion());
        if (alarm.target() != null) {
            data.put("targetSeconds", alarm.target().toSeconds());
        }
        putInstant(data, "deadline", alarm.deadline());
        switch (alarm.kind()) {
            case WARNING -> putInstant(data, "warningAt", alarm.dueAt());
            case BREACH -> putInstant(data, "breachedAt", alarm.dueAt());
            case MET -> putInstant(data, "metAt", alarm.dueAt());
            case ESCALATION -> {
                data.put("level", alarm.level());
                data.put("audience", alarm.audience().name());
                data.put("reason", alarm.reason().name());
                putInstant(data, "escalatedAt", alarm.dueAt());
                putText(data, "causeEventId", alarm.causeEventId() == null ? null : alarm.causeEventId().toString());
                putText(data, "requestKind", alarm.requestKind());
            }
        }
        return data.toString();
    }

    private static void putText(ObjectNode data, String field, String value) {
        if (value != null) {
            data.put(field, value);
        }
    }

    private static void putInstant(ObjectNode data, String field, Instant value) {
        if (value != null) {
            data.put(field, value.toString());
        }
    }

    /** The CloudEvent type of an alarm kind's event. */
    public static String typeOf(AlarmKind kind) {
        return "io.supportplatform." + kind.eventName() + ".v1";
    }
}
