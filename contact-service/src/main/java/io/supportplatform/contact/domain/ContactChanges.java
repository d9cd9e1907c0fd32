package io.supportplatform.contact.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a redesignation (P12.5) does on {@code effectiveOn}: authorize {@code additions}, end {@code removals}. */
public record ContactChanges(LocalDate effectiveOn, List<NamedContact> additions, List<UUID> removals) {

    public ContactChanges {
        additions = List.copyOf(additions);
        removals = List.copyOf(removals);
    }
}
