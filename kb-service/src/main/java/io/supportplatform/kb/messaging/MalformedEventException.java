package io.supportplatform.kb.messaging;

import java.util.List;

/** A message that can never be processed as it is; it goes to the dead-letter topic with this reason. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(List<String> problems) {
        super("Malformed event: " + String.join("; ", problems));
    }
}
