package io.supportplatform.contact.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportplatform.contact.domain.Authorization;
import io.supportplatform.contact.domain.AuthorizedContact;
import io.supportplatform.contact.domain.CustomerAccount;
import io.supportplatform.contact.domain.Requester;
import io.supportplatform.contact.repository.AuthorizedContactRepository;
import io.supportplatform.contact.repository.CustomerAccountRepository;
import io.supportplatform.problem.ProblemException;

@ApplicationScoped
public class ContactService {

    private final AccountService accountService;
    private final CustomerAccountRepository accounts;
    private final AuthorizedContactRepository contacts;
    private final AccountHistory history;
    private final KeycloakLinks keycloak;
    private final Clock clock;

    public ContactService(AccountService accountService, CustomerAccountRepository accounts,
            AuthorizedContactRepository contacts, AccountHistory history, KeycloakLinks keycloak, Clock clock) {
        this.accountService = accountService;
        this.accounts = accounts;
        this.contacts = contacts;
        this.history = history;
        this.keycloak = keycloak;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Authorizes a contact of an account (P12.3, P12.4). Holding the account's row lock while counting and
     * inserting keeps the account at or below its agreed quota (P12.2) even when contacts are added at once.
     * The contact, its audit entry and its {@code contact-authorized} event are written in one transaction.
     */
    public Uni<AuthorizedContact> authorize(String systemId, NewContact request, Requester requester) {
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
                .flatMap(account -> {
                    keycloak.checkAvailable(request.keycloak() != null);
                    AuthorizedContact contact = AuthorizedContact.authorize(systemId, request.name(),
                            request.email(), request.phone(), request.language(), request.keycloakUserId(),
                            request.authorizedFrom(), request.authorizedUntil(), now);
                    keycloak.requested(contact, request.keycloak(), now);
                    return contacts.persist(contact)
                            .call(() -> history.contactAuthorized(account, contact, requester, now));
                }))
                .invoke(history::publish)
                .invoke(keycloak::nudge);
    }

    /** All contacts of an account the requester may see, ended ones included as history. */
    @WithSession
    public Uni<List<AuthorizedContact>> list(String systemId, Requester requester) {
        return accountService.find(systemId, requester).flatMap(account -> contacts.ofAccount(systemId));
    }

    @WithSession
    public Uni<AuthorizedContact> find(String systemId, String contactId, Requester requester) {
        if (!requester.mayAccess(systemId)) {
            return Uni.createFrom().failure(contactNotFound(systemId, contactId));
        }
        return findOfAccount(systemId, contactId);
    }

    /**
     * Ends a contact's authorization today; the record stays as history and the slot is free at once. A real
     * revocation is written with its audit entry and a {@code contact-revoked} event; revoking an ended contact
     * changes nothing. The account's row lock orders this with the account's other changes, and so its events.
     */
    public Uni<AuthorizedContact> revoke(String systemId, String contactId, Requester requester) {
        LocalDate today = today();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        return Panache.withTransaction(() -> accounts.findForUpdate(systemId)
                .onItem().ifNull().failWith(() -> contactNotFound(systemId, contactId))
                .flatMap(account -> findOfAccount(systemId, contactId).call(contact -> {
                    LocalDate untilBefore = contact.getAuthorizedUntil();
                    if (!contact.revoke(today, now)) {
                        return Uni.createFrom().voidItem();
                    }
                    keycloak.ended(contact, now);
                    return history.contactRevoked(account, contact, untilBefore, requester, now);
                })))
                .invoke(history::publish)
                .invoke(keycloak::nudge);
    }

    /**
     * May the Keycloak user {@code userId} ask for support for the account today (P12.1)? Staff (and service
     * accounts, which carry a staff role) may ask about anyone; a customer only about themselves in their own
     * account: another account is answered 404 as everywhere, another user of their own account 403.
     */
    @WithSession
    public Uni<Authorization> authorization(String systemId, String userId, Requester requester) {
        if (!requester.staff()) {
            if (!requester.mayAccess(systemId)) {
                return Uni.createFrom().failure(AccountService.notFound(systemId));
            }
            if (!userId.equals(requester.subject())) {
                return Uni.createFrom().failure(ProblemException.forbidden(
                        "You may only ask about your own authorization, not about another user's."));
            }
        }
        LocalDate today = today();
        return accounts.findById(systemId).flatMap(account -> account == null
                ? Uni.createFrom().item(Authorization.decide(null, List.of(), today))
                : contacts.ofUser(systemId, userId).map(ofUser -> Authorization.decide(account, ofUser, today)));
    }

    private Uni<AuthorizedContact> findOfAccount(String systemId, String contactId) {
        return Ids.parse(contactId)
                .map(id -> contacts.findOfAccount(systemId, id))
                .orElse(Uni.createFrom().nullItem())
                .onItem().ifNull().failWith(() -> contactNotFound(systemId, contactId));
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
