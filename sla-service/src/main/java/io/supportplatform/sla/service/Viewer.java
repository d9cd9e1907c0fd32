package io.supportplatform.sla.service;

import io.supportplatform.sla.domain.ResponseClock;

/**
 * Who is looking at clocks: support staff see every account's tickets; a customer only those of the
 * account named by the {@code system_id} claim of the token (never by a request parameter).
 */
public record Viewer(boolean seesAllAccounts, String systemId) {

    public static Viewer staff() {
        return new Viewer(true, null);
    }

    public static Viewer customerOf(String systemId) {
        return new Viewer(false, systemId);
    }

    boolean maySee(ResponseClock clock) {
        return seesAllAccounts || (systemId != null && systemId.equals(clock.systemId()));
    }
}
