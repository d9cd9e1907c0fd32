package io.supportplatform.contact.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * A structured-mode CloudEvents 1.0 envelope, the value of every record this service publishes
 * (deploy/contracts/README.md). The subject is the account's system ID, as is the record key.
 */
public record CloudEvent<T>(String specversion, UUID id, String type, String source, Instant time,
        String subject, String datacontenttype, T data) {

    public static final String SOURCE = "/contact-service";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public static <T> CloudEvent<T> of(UUID id, String type, Instant time, String subject, T data) {
        return new CloudEvent<>("1.0", id, type, SOURCE, time, subject, "application/json", data);
    }
}
