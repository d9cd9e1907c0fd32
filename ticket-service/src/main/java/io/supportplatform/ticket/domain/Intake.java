package io.supportplatform.ticket.domain;

import java.util.List;

/**
 * What filing found and recorded besides the P5 items, stored as one JSON object with the ticket.
 *
 * @param eligibilityFlags accepted but flagged (P5.c, P14.e, P15.f, P15.g); empty when nothing was found
 * @param suggestedArticleIds knowledge-base articles the customer was shown before filing (P14.b), as shown
 */
public record Intake(List<EligibilityFlag> eligibilityFlags, List<String> suggestedArticleIds) {

    public static final Intake NONE = new Intake(List.of(), List.of());

    /** Immutable, so the ticket's JSON column needs no snapshot copies. */
    public Intake {
        eligibilityFlags = eligibilityFlags == null ? List.of() : List.copyOf(eligibilityFlags);
        suggestedArticleIds = suggestedArticleIds == null ? List.of() : List.copyOf(suggestedArticleIds);
    }
}
