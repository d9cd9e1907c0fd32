package io.supportplatform.contact.domain;

import java.util.Optional;

/**
 * Who is asking, taken from the verified token: support staff see every account, a customer user only the
 * account (system ID) its token names.
 */
public record Requester(String username, boolean staff, Optional<String> systemId) {

    public boolean mayAccess(String accountSystemId) {
        return staff || systemId.filter(accountSystemId::equals).isPresent();
    }
}
