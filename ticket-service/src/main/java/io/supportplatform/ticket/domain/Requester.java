package io.supportplatform.ticket.domain;

import java.util.Optional;

/**
 * Who is asking, as far as tickets care: support staff see every account's tickets; a customer is
 * scoped to the one account (system ID) their token names, never to request parameters.
 *
 * @param username the user's login name, recorded as a ticket's creator
 * @param staff whether the user works for support (agent, supervisor, admin)
 * @param systemId the customer's account from the token's {@code system_id} claim, if any
 * @param userId the token's {@code sub}: the Keycloak user id an authorized contact is linked to (P12.1)
 */
public record Requester(String username, boolean staff, Optional<String> systemId, String userId) {

    /** Whether this requester may see or act on the given customer account's tickets. */
    public boolean mayAccess(String accountSystemId) {
        return staff || systemId.map(accountSystemId::equals).orElse(false);
    }
}
