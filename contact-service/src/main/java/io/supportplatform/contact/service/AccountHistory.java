package io.supportplatform.contact.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.supportplatform.contact.domain.AccountTerms;
import io.supportplatform.contact.domain.AuditAction;
import io.supportplatform.contact.domain.AuthorizedContact;
import io.supportplatform.contact.domain.ContactChanges;
import io.supportplatform.contact.domain.CustomerAccount;
import io.supportplatform.contact.domain.Redesignation;
import io.supportplatform.contact.domain.Requester;
import io.supportplatform.contact.messaging.AccountEvents;
import io.supportplatform.contact.messaging.CustomerAccountChanged;
import io.supportplatform.contact.repository.AuditEntryRepository;
import io.supportplatform.outbox.OutboxEvent;
import io.supportplatform.outbox.OutboxRelay;
import io.supportplatform.outbox.OutboxRepository;

/**
 * What each change of an account or its contacts leaves behind, saved in the change's transaction: its audit
 * entries (P12.4) and, for what other services follow, its event in the outbox. The caller holds the account's row
 * lock (events number the account's sequence) and calls {@link #publish()} once the change committed.
 * <p>
 * Entry and event are built when a method is called, in call order, and saved one after the other when the
 * returned {@code Uni} runs (a Hibernate Reactive session takes no concurrent operations).
 */
@ApplicationScoped
public class AccountHistory {

    private final AuditEntryRepository audit;
    private final AuditTrail trail;
    private final OutboxRepository outbox;
    private final AccountEvents events;
    private final OutboxRelay relay;

    public AccountHistory(AuditEntryRepository audit, AuditTrail trail, OutboxRepository outbox,
            AccountEvents events, OutboxRelay relay) {
        this.audit = audit;
        this.trail = trail;
        this.outbox = outbox;
        this.events = events;
        this.relay = relay;
    }

    Uni<Void> accountOpened(CustomerAccount account, Requester actor, Instant now) {
        return audit.persist(trail.accountOpened(account, actor, now))
                .chain(saved(events.accountChanged(account, CustomerAccountChanged.OPENED, actor, now)));
    }

    Uni<Void> accountChanged(CustomerAccount account, AccountTerms before, AccountTerms after, Requester actor,
            Instant now) {
        return audit.persist(trail.accountChanged(account.getSystemId(), before, after, actor, now))
                .chain(saved(events.accountChanged(account, CustomerAccountChanged.CHANGED, actor, now)));
    }

    Uni<Void> contactAuthorized(CustomerAccount account, AuthorizedContact contact, Requester actor, Instant now) {
        return audit.persist(trail.contactAuthorized(contact, actor, now))
                .chain(saved(events.contactAuthorized(account, contact, actor, now)));
    }

    Uni<Void> contactRevoked(CustomerAccount account, AuthorizedContact contact, LocalDate untilBefore,
            Requester actor, Instant now) {
        return audit.persist(trail.contactRevoked(contact, untilBefore, actor, now))
                .chain(saved(events.contactRevoked(account, contact, actor, now)));
    }

    /**
     * A contact's Keycloak user linked or unlinked. When the contact's user became known ({@code announce}), a fresh
     * {@code contact-authorized} event tells consumers, which key their read model by the user, who it is.
     */
    Uni<Void> contactKeycloak(CustomerAccount account, AuthorizedContact contact, AuditAction action,
            String userBefore, boolean announce, Requester actor, Instant now) {
        Uni<Void> audited = audit.persist(trail.contactKeycloak(contact, action, userBefore, actor, now))
                .replaceWithVoid();
        return announce ? audited.chain(saved(events.contactAuthorized(account, contact, actor, now))) : audited;
    }

    /** Redesignations are the account's own business until they apply: audited, no event. */
    Uni<Void> redesignationSubmitted(Redesignation change, ContactChanges changes, Requester actor, Instant now) {
        return audit.persist(trail.redesignationSubmitted(change, changes, actor, now)).replaceWithVoid();
    }

    Uni<Void> redesignationSettled(Redesignation change, ContactChanges changes, AuditTrail.RedesignationState before,
            Requester actor, Instant now) {
        return audit.persist(trail.redesignationSettled(change, changes, before, actor, now)).replaceWithVoid();
    }

    /** After a commit: the relay publishes the new events now rather than at its next sweep. Never blocks. */
    void publish() {
        relay.nudge();
    }

    private Supplier<Uni<? extends Void>> saved(OutboxEvent event) {
        return () -> outbox.persist(event).replaceWithVoid();
    }
}
