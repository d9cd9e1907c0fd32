package io.supportplatform.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem-details body. {@code violations} names every offending input field at once, so a
 * client can fix a request in one round trip; {@code requestId} ties the answer to the server log.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, String requestId,
        List<FieldViolation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem with no more specific type than its HTTP status (RFC 9457 section 4.2.1). */
    public static final URI ABOUT_BLANK = URI.create("about:blank");

    /** One offending input: the JSON path of the field, the rule it broke and a readable message. */
    public record FieldViolation(String field, String rule, String message) {
    }
}
