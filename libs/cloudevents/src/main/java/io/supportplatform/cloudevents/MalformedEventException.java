package io.supportplatform.cloudevents;

import java.util.List;

/**
 * A consumed message that can never be processed as it is; it goes to the service's dead-letter topic with this
 * message (every problem found, in reading order) as the reason. No stack trace: the problems are in the data,
 * not in the code that found them.
 */
public class MalformedEventException extends RuntimeException {

    private final List<String> problems;

    public MalformedEventException(List<String> problems) {
        super("Malformed event: " + String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, e.g. {@code data.sequence must be a positive integer}. */
    public List<String> problems() {
        return problems;
    }
}
