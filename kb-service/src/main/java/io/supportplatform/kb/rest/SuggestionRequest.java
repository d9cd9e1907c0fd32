package io.supportplatform.kb.rest;

import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.supportplatform.kb.domain.DraftRequest;
import io.supportplatform.kb.domain.Language;

/**
 * The request form as filled in so far (P5.i: subject and problem description, with any error messages).
 * {@code limit}: how many suggestions, 5 unless given.
 */
public record SuggestionRequest(
        @NotBlank @Size(max = 200) String subject,
        @Size(max = 20_000) String description,
        @Size(max = 10) List<@NotNull @Size(max = 2_000) String> errorMessages,
        @Size(max = 80) String product,
        @Size(max = 60) String platform,
        Language language,
        @Min(1) @Max(10) Integer limit) {

    static final int DEFAULT_LIMIT = 5;

    DraftRequest toDraft() {
        return new DraftRequest(subject, description, errorMessages, given(product), given(platform),
                Optional.ofNullable(language));
    }

    int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    private static Optional<String> given(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
