package io.supportplatform.ticket.domain;

/** Which support level made (or took) a phone call; a Tier-2 callback is what P8.1 asks for at severity 1. */
public enum SupportTier {
    TIER1,
    TIER2
}
