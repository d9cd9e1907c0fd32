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
import io.supportplatform.contact.domain.CustomerAccount;
import io.supportplatform.contact.domain.Requester;
import io.supportplatform.contact.repository.AuthorizedContactRepository;
import io.supportplatform.contact.repository.CustomerAccountRepository;
import io.supportplatform.problem.ProblemException;

@ApplicationScoped
public class AccountService {

    private final CustomerAccountRepository accounts;
    private final AuthorizedContactRepository contacts;
    private final Clock clock;

    public AccountService(CustomerAccountRepository accounts, AuthorizedContactRepository contacts, Clock clock) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** Opens an account under its system ID (P5.a), which must not be taken yet. */
    public Uni<CustomerAccount> open(NewAccount request) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        return Panache.withTransaction(() -> accounts.findById(request.systemId())
                .flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(systemIdTaken(request.systemId()));
                    }
                    CustomerAccount account = CustomerAccount.open(request.systemId(), request.licenseCode(),
                            request.name(), request.region(), request.supportLevel(), request.contactQuota(), now);
                    return accounts.persist(account);
                }))
                // the same system ID opened concurrently: the primary key decides who was first
                .onFailure(UniqueViolation::in).transform(failure -> systemIdTaken(request.systemId()));
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

    /**
     * Changes an account's terms. The new terms are derived from the current ones under the account's row
     * lock, and the agreed quota (P12.2) may not drop below the contacts the account has now.
     */
    public Uni<CustomerAccount> change(String systemId, UnaryOperator<AccountTerms> change) {
        LocalDate today = LocalDate.now(clock);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        return Panache.withTransaction(() -> accounts.findForUpdate(systemId)
                .onItem().ifNull().failWith(() -> notFound(systemId))
                .call(account -> {
                    AccountTerms terms = change.apply(AccountTerms.of(account));
                    return contacts.countCurrent(systemId, today).invoke(current -> {
                        if (terms.contactQuota() < current) {
                            throw ProblemException.conflict("The contact quota of account " + systemId
                                    + " cannot be lowered to " + terms.contactQuota() + ": it has " + current
                                    + " authorized contacts (P12.2). Revoke contacts first.");
                        }
                        account.change(terms, now);
                    });
                })
                // flush inside the transaction, so the answer carries the new version
                .call(account -> accounts.flush()));
    }

    static ProblemException notFound(String systemId) {
        return ProblemException.notFound("No customer account with system ID " + systemId + ".");
    }

    private static ProblemException systemIdTaken(String systemId) {
        return ProblemException.conflict("A customer account with system ID " + systemId + " exists already.");
    }
}
