package io.supportplatform.contact.service;

import java.util.Optional;
import java.util.UUID;

/** Ids as a client names them in a path: one that is no UUID names nothing, so it is answered 404 like an unknown one. */
final class Ids {

    private Ids() {
    }

    static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
