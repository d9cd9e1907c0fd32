package io.supportplatform.kb.domain;

import java.util.List;

/** A product an article applies to, with the versions it applies to (empty: all versions). */
public record ProductRef(String name, List<String> versions) {

    public ProductRef {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }
}
