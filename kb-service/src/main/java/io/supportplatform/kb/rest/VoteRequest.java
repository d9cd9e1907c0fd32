package io.supportplatform.kb.rest;

import jakarta.validation.constraints.NotNull;

/** "This solved my problem": {@code helpful} true, or false when it did not. */
public record VoteRequest(@NotNull Boolean helpful) {
}
