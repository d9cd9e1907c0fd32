package io.supportplatform.contact.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.supportplatform.contact.domain.Authorization;
import io.supportplatform.contact.domain.AuthorizedContact;
import io.supportplatform.contact.domain.ContactChanges;
import io.supportplatform.contact.domain.CustomerAccount;
import io.supportplatform.contact.domain.KeycloakAction;
import io.supportplatform.contact.domain.Language;
import io.supportplatform.contact.domain.NamedContact;
import io.supportplatform.contact.domain.ProjectedContacts;
import io.supportplatform.contact.domain.Redesignation;
import io.supportplatform.contact.domain.RedesignationStatus;
import io.supportplatform.contact.domain.Requester;
import io.supportplatform.contact.repository.AuthorizedContactRepository;
import io.supportplatform.contact.repository.CustomerAccountRepository;
import io.supportplatform.contact.repository.RedesignationRepository;
import io.supportplatform.problem.ProblemException;

/**
 * Redesignation with advance notice (P12.5): a customer's authorized contact, a supervisor or an admin names the
 * contacts to add and to remove from a future date. The change waits as pending and takes effect on its date
 * through {@link #activateDue(LocalDate)}; until then it can be withdrawn.
 * <p>
 * The agreed quota (P12.2) is checked against the state on the effective date: at submission against the
 * contacts and the other pending changes as they will be then (and on the dates of later pending changes, which
 * were accepted without this one), and again at activation, when a change made meanwhile (a lowered quota, a
 * contact added directly) may have made it no longer fit: it then fails with the reason, and nothing of it is
 * applied. Every step holds the account's row lock, like every other change of its contacts.
 */
@ApplicationScoped
public class RedesignationService {

    private static final Logger LOG = Logger.getLogger(RedesignationService.class);
    /** The actor of what the activation job decides by itself (a failed change). */
    static final Requester ACTIVATION = new Requester("contact-service", null, true, Optional.empty());
    private static final TypeReference<List<NamedContact>> ADDITIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<UUID>> REMOVALS = new TypeReference<>() {
    };

    private final AccountService accountService;
    private final CustomerAccountRepository accounts;
    private final AuthorizedContactRepository contacts;
    private final RedesignationRepository redesignations;
    private final AccountHistory history;
    private final KeycloakLinks keycloak;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public RedesignationService(AccountService accountService, CustomerAccountRepository accounts,
            AuthorizedContactRepository contacts, RedesignationRepository redesignations, AccountHistory history,
            KeycloakLinks keycloak, ObjectMapper objectMapper, Clock clock) {
        this.accountService = accountService;
        this.accounts = accounts;
        this.contacts = contacts;
        this.redesignations = redesignations;
        this.history = history;
        this.keycloak = keycloak;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** Stores the change as pending, if it fits the account on its date; see the class comment. */
    public Uni<Redesignation> submit(String systemId, ContactChanges changes, Requester requester) {
        LocalDate today = LocalDate.now(clock);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        checkWellFormed(changes, today);
        keycloak.checkAvailable(changes.additions().stream().anyMatch(named -> named.keycloak() != null));
        if (!requester.mayAccess(systemId)) {
            return Uni.createFrom().failure(AccountService.notFound(systemId));
        }
        return Panache.withTransaction(() -> accounts.findForUpdate(systemId)
                .onItem().ifNull().failWith(() -> AccountService.notFound(systemId))
                .call(account -> mayChange(account, requester))
                .flatMap(account -> contacts.ofAccount(systemId).flatMap(all -> redesignations
                        .pendingOfAccount(systemId).flatMap(pending -> {
                            checkFits(account, all, pending.stream().map(this::changesOf).toList(), changes);
                            Redesignation change = Redesignation.submit(systemId, changes.effectiveOn(),
                                    json(changes.additions()), json(changes.removals()), requester, now);
                            return redesignations.persist(change)
                                    .call(() -> history.redesignationSubmitted(change, changes, requester, now));
                        }))));
    }

    @WithSession
    public Uni<List<Redesignation>> list(String systemId, Requester requester) {
        return accountService.find(systemId, requester).flatMap(account -> redesignations.ofAccount(systemId));
    }

    @WithSession
    public Uni<Redesignation> find(String systemId, String id, Requester requester) {
        if (!requester.mayAccess(systemId)) {
            return Uni.createFrom().failure(notFound(systemId, id));
        }
        return Ids.parse(id).map(uuid -> redesignations.findOfAccount(systemId, uuid))
                .orElse(Uni.createFrom().nullItem())
                .onItem().ifNull().failWith(() -> notFound(systemId, id));
    }

    /**
     * Withdraws a pending change before its date. The row lock waits for an activator holding the change, so a
     * change applied (or failed) meanwhile is answered 409, as is one withdrawn already or due today.
     */
    public Uni<Redesignation> withdraw(String systemId, String id, Requester requester) {
        LocalDate today = LocalDate.now(clock);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        if (!requester.mayAccess(systemId)) {
            return Uni.createFrom().failure(notFound(systemId, id));
        }
        return Panache.withTransaction(() -> accounts.findById(systemId)
                .onItem().ifNull().failWith(() -> notFound(systemId, id))
                .call(account -> mayChange(account, requester))
                .chain(() -> Ids.parse(id).map(uuid -> redesignations.findOfAccountForUpdate(systemId, uuid))
                        .orElse(Uni.createFrom().nullItem()))
                .onItem().ifNull().failWith(() -> notFound(systemId, id))
                .call(change -> {
                    if (change.getStatus() != RedesignationStatus.PENDING) {
                        throw ProblemException.conflict("Redesignation " + id + " is "
                                + change.getStatus().name().toLowerCase(Locale.ROOT) + " already; only a pending one"
                                + " can be withdrawn.");
                    }
                    if (!change.getEffectiveOn().isAfter(today)) {
                        throw ProblemException.conflict("Redesignation " + id + " takes effect on "
                                + change.getEffectiveOn() + " and can no longer be withdrawn.");
                    }
                    ContactChanges changes = changesOf(change);
                    AuditTrail.RedesignationState before = AuditTrail.RedesignationState.of(change, changes);
                    change.withdrawn(requester, now);
                    return history.redesignationSettled(change, changes, before, requester, now);
                }));
    }

    /**
     * Applies (or fails) every pending change due on {@code today}, each in its own transaction, one after the
     * other; safe to run on several instances at once (see {@link RedesignationRepository#claimDue}).
     *
     * @return how many changes this call settled
     */
    public Uni<Integer> activateDue(LocalDate today) {
        return activateDue(today, 0).invoke(settled -> {
            if (settled > 0) {
                history.publish();
                keycloak.nudge();
            }
        });
    }

    private Uni<Integer> activateDue(LocalDate today, int settledSoFar) {
        return Panache.withTransaction(() -> redesignations.claimDue(today)
                .onItem().ifNotNull().transformToUni(this::activate))
                .flatMap(settled -> settled == null
                        ? Uni.createFrom().item(settledSoFar)
                        : activateDue(today, settledSoFar + 1));
    }

    /** Settles one claimed change in the claiming transaction: all of it applies, or it fails with a reason. */
    private Uni<Redesignation> activate(Redesignation change) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String systemId = change.getSystemId();
        LocalDate day = change.getEffectiveOn();
        ContactChanges changes = changesOf(change);
        AuditTrail.RedesignationState before = AuditTrail.RedesignationState.of(change, changes);
        return accounts.findForUpdate(systemId).flatMap(account -> contacts.ofAccount(systemId).flatMap(all -> {
            Optional<String> unfit = reasonItDoesNotFit(account, all, changes);
            if (unfit.isPresent()) {
                LOG.infof("Redesignation %s of account %s failed: %s", change.getId(), systemId, unfit.get());
                change.failed(unfit.get(), now);
                return history.redesignationSettled(change, changes, before, ACTIVATION, now);
            }
            Requester submitter = change.submitter();
            List<Uni<?>> steps = new ArrayList<>();
            for (AuthorizedContact contact : all) {
                LocalDate untilBefore = contact.getAuthorizedUntil();
                // one revoked directly meanwhile has ended already: nothing left to do for it
                if (changes.removals().contains(contact.getId()) && contact.revoke(day, now)) {
                    keycloak.ended(contact, now);
                    steps.add(history.contactRevoked(account, contact, untilBefore, submitter, now));
                }
            }
            for (NamedContact named : changes.additions()) {
                AuthorizedContact contact = AuthorizedContact.authorize(systemId, named.name(), named.email(),
                        named.phone(), Language.ofCode(named.language()), named.keycloakUserId(), day, null, now);
                keycloak.requested(contact, named.keycloak() == null ? null : KeycloakAction.valueOf(named.keycloak()),
                        now);
                steps.add(contacts.persist(contact));
                steps.add(history.contactAuthorized(account, contact, submitter, now));
            }
            change.applied(now);
            // one after the other: a Hibernate Reactive session takes no concurrent operations
            return Multi.createFrom().iterable(steps).onItem().transformToUniAndConcatenate(step -> step)
                    .collect().last()
                    .chain(() -> history.redesignationSettled(change, changes, before, ACTIVATION, now));
        })).replaceWith(change);
    }

    /** At activation: whether the change still fits the account on its date (P12.2), and why not. */
    private static Optional<String> reasonItDoesNotFit(CustomerAccount account, List<AuthorizedContact> all,
            ContactChanges changes) {
        ProjectedContacts before = ProjectedContacts.on(changes.effectiveOn(), all, List.of());
        for (NamedContact named : changes.additions()) {
            if (before.emailTaken(named.email(), changes.removals())) {
                return Optional.of("e-mail address " + named.email() + " is in use by another contact on "
                        + changes.effectiveOn());
            }
        }
        int after = ProjectedContacts.on(changes.effectiveOn(), all, List.of(changes)).count();
        if (after > account.getContactQuota()) {
            return Optional.of(overQuota(account, changes.effectiveOn(), after));
        }
        return Optional.empty();
    }

    /**
     * At submission: the removed contacts are the account's and still there on the date, the new e-mail
     * addresses are free then, and the account stays within its quota on the date and on each later pending
     * change's date.
     */
    private static void checkFits(CustomerAccount account, List<AuthorizedContact> all, List<ContactChanges> pending,
            ContactChanges changes) {
        LocalDate day = changes.effectiveOn();
        Set<UUID> ofAccount = new HashSet<>(all.stream().map(AuthorizedContact::getId).toList());
        ProjectedContacts before = ProjectedContacts.on(day, all, pending);
        for (int i = 0; i < changes.removals().size(); i++) {
            UUID id = changes.removals().get(i);
            if (!ofAccount.contains(id)) {
                throw ProblemException.badRequest("remove[" + i + "]", "ContactOfAccount",
                        "no contact " + id + " of account " + account.getSystemId());
            }
            if (!before.isCurrent(id)) {
                throw ProblemException.conflict("Contact " + id + " is no longer authorized on " + day
                        + " (it ends before, or a pending redesignation removes it).");
            }
        }
        for (NamedContact named : changes.additions()) {
            if (before.emailTaken(named.email(), changes.removals())) {
                throw ProblemException.conflict("Account " + account.getSystemId() + " has a contact with e-mail"
                        + " address " + named.email() + " on " + day + " already.");
            }
        }
        List<ContactChanges> withThis = new ArrayList<>(pending);
        withThis.add(changes);
        Set<LocalDate> checkpoints = new TreeSet<>();
        checkpoints.add(day);
        pending.stream().map(ContactChanges::effectiveOn).filter(day::isBefore).forEach(checkpoints::add);
        for (LocalDate checkpoint : checkpoints) {
            int count = ProjectedContacts.on(checkpoint, all, withThis).count();
            if (count > account.getContactQuota()) {
                throw ProblemException.conflict(overQuota(account, checkpoint, count)
                        + ": remove contacts in the same redesignation, or raise the quota first.");
            }
        }
    }

    /** Validation that needs no database: a future date, something to do, no element named twice. */
    private static void checkWellFormed(ContactChanges changes, LocalDate today) {
        if (!changes.effectiveOn().isAfter(today)) {
            throw ProblemException.badRequest("effectiveOn", "Future",
                    "must be a future date (UTC): a redesignation is notified in advance (P12.5)");
        }
        if (changes.additions().isEmpty() && changes.removals().isEmpty()) {
            throw ProblemException.badRequest("add", "NotEmpty", "name at least one contact to add or to remove");
        }
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < changes.additions().size(); i++) {
            if (!emails.add(changes.additions().get(i).email().toLowerCase(Locale.ROOT))) {
                throw ProblemException.badRequest("add[" + i + "].email", "Unique",
                        "names the same e-mail address as an earlier contact of this redesignation");
            }
        }
        Set<UUID> removals = new HashSet<>();
        for (int i = 0; i < changes.removals().size(); i++) {
            if (!removals.add(changes.removals().get(i))) {
                throw ProblemException.badRequest("remove[" + i + "]", "Unique", "names a contact a second time");
            }
        }
    }

    /** Only the account's own authorized contacts (P12.1, P12.5) and supervisors or admins change its contacts. */
    private Uni<Void> mayChange(CustomerAccount account, Requester requester) {
        if (requester.staff()) {
            return Uni.createFrom().voidItem();
        }
        LocalDate today = LocalDate.now(clock);
        return contacts.ofUser(account.getSystemId(), requester.subject())
                .map(ofUser -> Authorization.decide(account, ofUser, today))
                .invoke(authorization -> {
                    if (!authorization.authorized()) {
                        throw ProblemException.forbidden("Only an authorized contact of account "
                                + account.getSystemId() + " may redesignate its contacts (P12.5).");
                    }
                })
                .replaceWithVoid();
    }

    public ContactChanges changesOf(Redesignation change) {
        try {
            return new ContactChanges(change.getEffectiveOn(), objectMapper.readValue(change.getAdditions(), ADDITIONS),
                    objectMapper.readValue(change.getRemovals(), REMOVALS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable redesignation " + change.getId(), e);
        }
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value, e);
        }
    }

    private static String overQuota(CustomerAccount account, LocalDate day, int count) {
        return "On " + day + " account " + account.getSystemId() + " would have " + count
                + " authorized contacts, more than its agreed contact quota of " + account.getContactQuota()
                + " (P12.2)";
    }

    private static ProblemException notFound(String systemId, String id) {
        return ProblemException.notFound("No redesignation " + id + " of customer account " + systemId + ".");
    }
}
