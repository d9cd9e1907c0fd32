package io.supportplatform.contact.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportplatform.contact.domain.AuthorizedContact;

/** "Current" contacts below are the ones not ended on the given day: active or scheduled to start later. */
@ApplicationScoped
public class AuthorizedContactRepository implements PanacheRepositoryBase<AuthorizedContact, UUID> {

    private static final String CURRENT = "(authorizedUntil is null or authorizedUntil > :today)";

    public Uni<Long> countCurrent(String systemId, LocalDate today) {
        return count("systemId = :systemId and " + CURRENT,
                Parameters.with("systemId", systemId).and("today", today));
    }

    /** Whether a current contact of the account already uses this e-mail address (ignoring case). */
    public Uni<Boolean> currentEmailTaken(String systemId, String email, LocalDate today) {
        return count("systemId = :systemId and lower(email) = :email and " + CURRENT,
                Parameters.with("systemId", systemId)
                        .and("email", email.toLowerCase(Locale.ROOT)).and("today", today))
                .map(count -> count > 0);
    }

    public Uni<List<AuthorizedContact>> ofAccount(String systemId) {
        return list("systemId", Sort.by("authorizedFrom").and("name").and("id"), systemId);
    }

    /** Every contact record of the account that maps to the Keycloak user, current and past. */
    public Uni<List<AuthorizedContact>> ofUser(String systemId, String keycloakUserId) {
        return list("systemId = ?1 and keycloakUserId = ?2", systemId, keycloakUserId);
    }

    public Uni<AuthorizedContact> findOfAccount(String systemId, UUID id) {
        return find("id = ?1 and systemId = ?2", id, systemId).firstResult();
    }
}
