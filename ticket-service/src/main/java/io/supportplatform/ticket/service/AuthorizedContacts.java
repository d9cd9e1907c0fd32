package io.supportplatform.ticket.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.ticket.domain.FilingAuthorization;
import io.supportplatform.ticket.domain.Requester;
import io.supportplatform.ticket.messaging.AccountEvent;
import io.supportplatform.ticket.repository.AuthorizedContactRepository;
import io.supportplatform.ticket.repository.ConsumedEventRepository;
import io.supportplatform.ticket.repository.CustomerAccountRepository;

/**
 * Who may file and reply for which account (P12.1), from a local read model of contact-service's events rather
 * than a call per request: filing keeps working while contact-service is down, and sees a change as soon as its
 * event arrives (within seconds).
 */
@ApplicationScoped
public class AuthorizedContacts {

    private static final Logger LOG = Logger.getLogger(AuthorizedContacts.class);

    /** Authorization periods are calendar days in UTC, as contact-service counts them. */
    private static final Clock UTC = Clock.systemUTC();

    private final CustomerAccountRepository accounts;
    private final AuthorizedContactRepository contacts;
    private final ConsumedEventRepository consumed;

    public AuthorizedContacts(CustomerAccountRepository accounts, AuthorizedContactRepository contacts,
            ConsumedEventRepository consumed) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.consumed = consumed;
    }

    /**
     * Applies one event in one transaction: once per event id, and only where it is newer (by the account's
     * sequence) than what the row holds, so duplicates and late arrivals change nothing.
     */
    public Uni<Void> apply(AccountEvent event) {
        Instant now = Instant.now(UTC);
        return Panache.withTransaction(() -> consumed.markConsumed(event.eventId(), event.type(), now)
                .flatMap(isNew -> {
                    if (!isNew) {
                        LOG.debugf("Event %s consumed before; ignored", event.eventId());
                        return Uni.createFrom().item(false);
                    }
                    return event instanceof AccountEvent.AccountChanged changed ? accounts.apply(changed, now)
                            : contacts.apply((AccountEvent.ContactChanged) event, now);
                })
                .invoke(applied -> LOG.debugf("%s %s of account %s (sequence %d)", applied ? "Applied" : "Skipped",
                        event.type(), event.systemId(), event.sequence())))
                .replaceWithVoid();
    }

    /** May the requester file or reply for the account today? Support staff always may (on a customer's behalf). */
    @WithSession
    public Uni<FilingAuthorization> authorization(Requester requester, String systemId) {
        return decide(requester, systemId);
    }

    /**
     * Fails with 403 naming the reason unless the requester may file or reply for the account today. Runs in the
     * caller's session (inside its transaction).
     */
    public Uni<Void> requireMayFile(Requester requester, String systemId) {
        return require(decide(requester, systemId));
    }

    /**
     * As {@link #requireMayFile}, but reading the read model on a pooled connection of its own, outside any session
     * or transaction: for filing, whose write is a single statement (TicketRepository#insertFiled).
     */
    public Uni<Void> requireMayFileBeforeFiling(Requester requester, String systemId) {
        return require(decide(requester, systemId, contacts::accountWithContactsOfUserPooled));
    }

    private Uni<FilingAuthorization> decide(Requester requester, String systemId) {
        return decide(requester, systemId, contacts::accountWithContactsOfUser);
    }

    private static Uni<FilingAuthorization> decide(Requester requester, String systemId,
            BiFunction<String, String, Uni<AuthorizedContactRepository.AccountWithContacts>> lookup) {
        LocalDate today = LocalDate.now(UTC);
        if (requester.staff()) {
            return Uni.createFrom().item(FilingAuthorization.granted(systemId));
        }
        return lookup.apply(systemId, requester.userId())
                .map(found -> FilingAuthorization.decide(systemId, found.account(), found.contactsOfUser(), today));
    }

    private static Uni<Void> require(Uni<FilingAuthorization> decision) {
        return decision.invoke(found -> {
            if (!found.authorized()) {
                throw new ProblemException(403, found.reason().orElseThrow().title(), found.message().orElseThrow());
            }
        }).replaceWithVoid();
    }
}
