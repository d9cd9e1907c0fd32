package io.supportplatform.ticket.service;

import java.time.Instant;
import java.util.Optional;

import io.supportplatform.ticket.domain.CallDirection;
import io.supportplatform.ticket.domain.SupportTier;

/** A phone call as support reports it, before it is logged. */
public record PhoneContactDraft(SupportTier tier, CallDirection direction, Instant calledAt, String contactName,
        Optional<String> summary) {
}
