package io.supportplatform.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A structured-mode CloudEvents 1.0 envelope, the value of every record a service publishes
 * (deploy/contracts/README.md). The subject is the aggregate's id, as is the record key.
 */
public record CloudEvent<T>(String specversion, UUID id, String type, String source, Instant time,
        String subject, String datacontenttype, T data) {

    public static final String CONTENT_TYPE = "application/cloudevents+json";

    /** @param source the publishing service, e.g. {@code /ticket-service} */
    public static <T> CloudEvent<T> of(UUID id, String type, String source, Instant time, String subject, T data) {
        return new CloudEvent<>("1.0", id, type, source, time, subject, "application/json", data);
    }
}
