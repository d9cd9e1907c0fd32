package io.supportplatform.contact.domain;

import java.util.Optional;

/**
 * Who is asking, taken from the verified token: support staff see every account, a customer user only the
 * account (system ID) its token names. {@code subject} is the token's {@code sub}, the Keycloak user id.
 */
public record Requester(String username, String subject, boolean staff, Optional<String> systemId) {

    public boolean mayAccess(String accountSystemId) {
        return staff || systemId.filter(accountSystemId::equals).isPresent();
    }
}
