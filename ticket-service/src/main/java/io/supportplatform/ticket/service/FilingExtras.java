package io.supportplatform.ticket.service;

import java.util.List;
import java.util.Optional;

/**
 * What a filing brings besides the P5 items, already validated.
 *
 * @param suggestedArticleIds knowledge-base articles the customer was shown before filing (P14.b), as shown
 * @param logExcerpt the product's log excerpt of an in-product filing (P2.1, P5.g)
 */
public record FilingExtras(List<String> suggestedArticleIds, Optional<String> logExcerpt) {

    public static final FilingExtras NONE = new FilingExtras(List.of(), Optional.empty());
}
