package io.supportplatform.kb.domain;

import java.util.Optional;

/** A validated search: the user's words plus filters; {@code audience} decides which articles may match. */
public record SearchQuery(String text, Optional<Language> language, Optional<String> product,
        Optional<String> platform, Optional<String> category, int limit, Audience audience) {
}
