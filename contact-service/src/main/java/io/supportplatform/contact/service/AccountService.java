package io.supportplatform.contact.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportplatform.contact.domain.AccountTerms;
import io.supportplatform.contact.domain.AuditEntry;
import io.supportplatform.contact.domain.CustomerAccount;
import io.supportplatform.contact.domain.Requester;
import io.supportplatform.contact.repository.AuditEntryRepository;
import io.supportplatform.contact.repository.AuthorizedContactRepository;
import io.supportplatform.contact.repository.CustomerAccountRepository;
import io.supportplatform.problem.ProblemException;

@ApplicationScoped
public class AccountService {

    private final CustomerAccountRepository accounts;
    private final AuthorizedContactRepository contacts;
    private final AuditEntryRepository audit;
    private final AccountHistory history;
    private final Clock clock;

    public AccountService(CustomerAccountRepository accounts, AuthorizedContactRepository contacts,
            AuditEntryRepository audit, AccountHistory history, Clock clock) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.audit = audit;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Opens an account under its system ID (P5.a), which must not be taken yet. The account, its audit entry
     * and its {@code customer-account-changed} event are written in one transaction.
     */
    public Uni<CustomerAccount> open(NewAccount request, Requester requester) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        return Panache.withTransaction(() -> accounts.findById(request.systemId())
                .flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(systemIdTaken(request.systemId()));
                    }
                    CustomerAccount account = CustomerAccount.open(request.systemId(), request.licenseCode(),
                            request.name(), request.region(), request.supportLevel(), request.contactQuota(), now);
                    return accounts.persist(account)
                            .call(() -> history.accountOpened(account, requester, now));
                }))
                // the same system ID opened concurrently: the primary key decides who was first
                .onFailure(UniqueViolation::in).transform(failure -> systemIdTaken(request.systemId()))
                .invoke(history::publish);
    }

    /** An account the requester may see; another customer's account is reported as not found. */
    @WithSession
    public Uni<CustomerAccount> find(String systemId, Requester requester) {
        if (!requester.mayAccess(systemId)) {
            return Uni.createFrom().failure(notFound(systemId));
        }
        return accounts.findById(systemId).onItem().ifNull().failWith(() -> notFound(systemId));
    }

    @WithSession
    public Uni<List<CustomerAccount>> list(int page, int size) {
        return accounts.page(page, size);
    }

    /** One page of an account's audit trail, newest first, if the requester may see the account. */
    @WithSession
    public Uni<List<AuditEntry>> trail(String systemId, Requester requester, int page, int size) {
        return find(systemId, requester).flatMap(account -> audit.pageOfAccount(systemId, page, size));
    }

    /**
     * Changes an account's terms. The new terms are derived from the current ones under the account's row
     * lock, and the agreed quota (P12.2) may not drop below the contacts the account has now. A real change
     * is written with its audit entries and a {@code customer-account-changed} event; the same terms again
     * change nothing.
     */
    public Uni<CustomerAccount> change(String systemId, UnaryOperator<AccountTerms> change, Requester requester) {
        LocalDate today = LocalDate.now(clock);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        return Panache.withTransaction(() -> accounts.findForUpdate(systemId)
                .onItem().ifNull().failWith(() -> notFound(systemId))
                .call(account -> {
                    AccountTerms before = AccountTerms.of(account);
                    AccountTerms terms = change.apply(before);
                    if (terms.equals(before)) {
                        return Uni.createFrom().voidItem();
                    }
                    return contacts.countCurrent(systemId, today).invoke(current -> {
                        if (terms.contactQuota() < current) {
                            throw ProblemException.conflict("The contact quota of account " + systemId
                                    + " cannot be lowered to " + terms.contactQuota() + ": it has " + current
                                    + " authorized contacts (P12.2). Revoke contacts first.");
                        }
                        account.change(terms, now);
                    })
                            .chain(() -> history.accountChanged(account, before, terms, requester, now));
                })
                // flush inside the transaction, so the answer carries the new version
                .call(account -> accounts.flush()))
                .invoke(history::publish);
    }

    static ProblemException notFound(String systemId) {
        return ProblemException.notFound("No customer account with system ID " + systemId + ".");
    }

    private static ProblemException systemIdTaken(String systemId) {
        return ProblemException.conflict("A customer account with system ID " + systemId + " exists already.");
    }
}
