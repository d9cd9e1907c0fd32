package io.supportplatform.kb.domain;

import java.util.List;
import java.util.Optional;

/** A support request as the customer is still writing it: what deflection suggests articles for (P14.b). */
public record DraftRequest(String subject, String description, List<String> errorMessages, Optional<String> product,
        Optional<String> platform, Optional<Language> language) {

    public DraftRequest {
        errorMessages = errorMessages == null ? List.of() : List.copyOf(errorMessages);
    }
}
