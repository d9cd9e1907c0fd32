package io.supportplatform.contact.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportplatform.contact.domain.AuthorizedContact;
import io.supportplatform.contact.domain.CustomerAccount;
import io.supportplatform.contact.domain.Requester;
import io.supportplatform.contact.repository.AuthorizedContactRepository;
import io.supportplatform.contact.repository.CustomerAccountRepository;
import io.supportplatform.problem.ProblemException;

@ApplicationScoped
public class ContactService {

    private final CustomerAccountRepository accounts;
    private final AuthorizedContactRepository contacts;
    private final Clock clock;

    public ContactService(CustomerAccountRepository accounts, AuthorizedContactRepository contacts, Clock clock) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Authorizes a contact of an account (P12.3, P12.4). Holding the account's row lock while counting and
     * inserting keeps the account at or below its agreed quota (P12.2) even when contacts are added at once.
     */
    public Uni<AuthorizedContact> authorize(String systemId, NewContact request) {
        LocalDate today = today();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        return Panache.withTransaction(() -> accounts.findForUpdate(systemId)
                .onItem().ifNull().failWith(() -> AccountService.notFound(systemId))
                .call(account -> contacts.currentEmailTaken(systemId, request.email(), today).invoke(taken -> {
                    if (taken) {
                        throw ProblemException.conflict("Account " + systemId + " already has an authorized contact"
                                + " with e-mail address " + request.email() + ".");
                    }
                }))
                .call(account -> contacts.countCurrent(systemId, today).invoke(current -> {
                    if (current >= account.getContactQuota()) {
                        throw quotaReached(account, current);
                    }
                }))
                .flatMap(account -> contacts.persist(AuthorizedContact.authorize(systemId, request.name(),
                        request.email(), request.phone(), request.language(), request.keycloakUserId(),
                        request.authorizedFrom(), request.authorizedUntil(), now))));
    }

    /** All contacts of an account the requester may see, ended ones included as history. */
    @WithSession
    public Uni<List<AuthorizedContact>> list(String systemId, Requester requester) {
        if (!requester.mayAccess(systemId)) {
            return Uni.createFrom().failure(AccountService.notFound(systemId));
        }
        return accounts.findById(systemId)
                .onItem().ifNull().failWith(() -> AccountService.notFound(systemId))
                .flatMap(account -> contacts.ofAccount(systemId));
    }

    @WithSession
    public Uni<AuthorizedContact> find(String systemId, String contactId, Requester requester) {
        if (!requester.mayAccess(systemId)) {
            return Uni.createFrom().failure(contactNotFound(systemId, contactId));
        }
        return findOfAccount(systemId, contactId);
    }

    /** Ends a contact's authorization today; the record stays as history and the slot is free at once. */
    public Uni<AuthorizedContact> revoke(String systemId, String contactId) {
        LocalDate today = today();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        return Panache.withTransaction(() -> findOfAccount(systemId, contactId)
                .invoke(contact -> contact.revoke(today, now)));
    }

    private Uni<AuthorizedContact> findOfAccount(String systemId, String contactId) {
        return parseId(contactId)
                .map(id -> contacts.findOfAccount(systemId, id))
                .orElse(Uni.createFrom().nullItem())
                .onItem().ifNull().failWith(() -> contactNotFound(systemId, contactId));
    }

    private static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ProblemException quotaReached(CustomerAccount account, long current) {
        return ProblemException.conflict("Account " + account.getSystemId() + " has " + current
                + " authorized contacts, its agreed contact quota of " + account.getContactQuota()
                + " (P12.2): revoke a contact or raise the quota first.");
    }

    private static ProblemException contactNotFound(String systemId, String contactId) {
        return ProblemException.notFound("No contact " + contactId + " of customer account " + systemId + ".");
    }
}
