package io.supportplatform.kb.rest;

import jakarta.validation.constraints.Size;

import io.supportplatform.kb.domain.Language;

/** Optional choices for a draft made from a candidate; the ticket does not say which language suits it. */
public record DraftFromCandidateRequest(Language language, @Size(min = 1, max = 80) String category) {

    static final String DEFAULT_CATEGORY = "troubleshooting";
    static final DraftFromCandidateRequest DEFAULTS = new DraftFromCandidateRequest(Language.EN, DEFAULT_CATEGORY);
}
