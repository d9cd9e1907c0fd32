package io.supportplatform.contact.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.supportplatform.contact.client.KeycloakFailure;
import io.supportplatform.contact.client.KeycloakUsers;
import io.supportplatform.contact.config.KeycloakConfig;
import io.supportplatform.contact.domain.AuditAction;
import io.supportplatform.contact.domain.AuthorizedContact;
import io.supportplatform.contact.domain.ContactStatus;
import io.supportplatform.contact.domain.KeycloakAction;
import io.supportplatform.contact.domain.Requester;
import io.supportplatform.contact.repository.AuthorizedContactRepository;
import io.supportplatform.contact.repository.CustomerAccountRepository;
import io.supportplatform.problem.ProblemException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps contacts' Keycloak users in step with their authorization (issue 5, item 7), like an outbox: a change of a
 * contact records what Keycloak needs ({@link KeycloakAction}) in the contact's row, in the change's transaction;
 * this job then does it, outside any transaction:
 * <ol>
 * <li>claim one due row (a lease: its next attempt moves two minutes ahead, {@code SKIP LOCKED} among
 * instances) and commit;</li>
 * <li>call Keycloak's admin API (idempotent operations, see {@link KeycloakUsers});</li>
 * <li>record the outcome under the account's row lock: done (with an audit entry, and a fresh
 * {@code contact-authorized} event when the contact's user id became known, so consumers learn it), failed for
 * good (the reason is shown on the contact), or to retry with a growing delay while Keycloak is unreachable.</li>
 * </ol>
 * A contact is saved whether or not Keycloak is up; only its user link waits. Contacts whose authorization ran
 * out by date are queued for UNLINK by the job itself.
 */
@ApplicationScoped
public class KeycloakLinks {

    private static final Logger LOG = Logger.getLogger(KeycloakLinks.class);
    static final Requester SYNC = new Requester("contact-service", null, true, Optional.empty());
    private static final Duration LEASE = Duration.ofMinutes(2);

    record Claimed(UUID id, String systemId, KeycloakAction action, String keycloakUserId, String email,
            String name) {
    }

    private final KeycloakConfig config;
    private final KeycloakUsers users;
    private final Pool pool;
    private final CustomerAccountRepository accounts;
    private final AuthorizedContactRepository contacts;
    private final AccountHistory history;
    private final Vertx vertx;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    public KeycloakLinks(KeycloakConfig config, KeycloakUsers users, Pool pool, CustomerAccountRepository accounts,
            AuthorizedContactRepository contacts, AccountHistory history, Vertx vertx, Clock clock) {
        this.config = config;
        this.users = users;
        this.pool = pool;
        this.accounts = accounts;
        this.contacts = contacts;
        this.history = history;
        this.vertx = vertx;
        this.clock = clock;
    }

    /** Refuses a request for PROVISION or LINK while the Keycloak link is switched off. */
    void checkAvailable(boolean requested) {
        if (requested && !config.enabled()) {
            throw ProblemException.conflict("Keycloak users cannot be provisioned or linked here: the Keycloak link"
                    + " is switched off (contact.keycloak.enabled).");
        }
    }

    /**
     * For a new contact: records the requested PROVISION or LINK. (A redesignation accepted while the link was on
     * is still applied if it was switched off since; its users are then not touched.)
     */
    void requested(AuthorizedContact contact, KeycloakAction action, Instant now) {
        if (action != null && config.enabled()) {
            contact.requestKeycloak(action, now);
        }
    }

    /** For a contact whose authorization ended: its user loses the account's customer rights. */
    void ended(AuthorizedContact contact, Instant now) {
        if (config.enabled() && contact.hasKeycloakUser()) {
            contact.requestKeycloak(KeycloakAction.UNLINK, now);
        }
    }

    /** Asks for a sync run soon, e.g. after a change committed. Never blocks, never fails. */
    public void nudge() {
        if (!config.enabled()) {
            return;
        }
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            startRun();
        }
    }

    @Scheduled(identity = "keycloak-sync", every = "${contact.keycloak.sync-every:10s}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        nudge();
    }

    private void startRun() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> {
            requested.set(false);
            Uni.createFrom().deferred(() -> queueEnded().chain(this::syncAll))
                    .subscribe().with(done -> runDone(), failure -> {
                        LOG.warnf(failure, "Keycloak sync run failed; pending links stay for the next run");
                        runDone();
                    });
        });
    }

    private void runDone() {
        running.set(false);
        if (requested.get() && running.compareAndSet(false, true)) {
            startRun();
        }
    }

    /** Contacts whose authorization ran out by date (not revoked) still have a user to unlink. */
    private Uni<Void> queueEnded() {
        return pool.preparedQuery("""
                update authorized_contact
                set keycloak_action = 'UNLINK', keycloak_sync = 'PENDING', keycloak_sync_error = null,
                    keycloak_sync_attempts = 0, keycloak_sync_next_at = now()
                where keycloak_user_id is not null and authorized_until <= $1
                  and keycloak_action is distinct from 'UNLINK'""")
                .execute(Tuple.of(LocalDate.now(clock))).replaceWithVoid();
    }

    private Uni<Void> syncAll() {
        return claim().flatMap(claimed -> claimed == null
                ? Uni.createFrom().voidItem()
                : sync(claimed).chain(this::syncAll));
    }

    private Uni<Claimed> claim() {
        return pool.preparedQuery("""
                update authorized_contact c set keycloak_sync_next_at = now() + make_interval(secs => $1)
                where c.id = (select id from authorized_contact
                              where keycloak_sync = 'PENDING' and keycloak_sync_next_at <= now()
                              order by keycloak_sync_next_at limit 1 for update skip locked)
                returning c.id, c.system_id, c.keycloak_action, c.keycloak_user_id, c.email, c.name""")
                .execute(Tuple.of((double) LEASE.toSeconds()))
                .map(rows -> {
                    var iterator = rows.iterator();
                    if (!iterator.hasNext()) {
                        return null;
                    }
                    Row row = iterator.next();
                    return new Claimed(row.getUUID("id"), row.getString("system_id"),
                            KeycloakAction.valueOf(row.getString("keycloak_action")), row.getString("keycloak_user_id"),
                            row.getString("email"), row.getString("name"));
                });
    }

    private Uni<Void> sync(Claimed claimed) {
        return callKeycloak(claimed)
                .onItemOrFailure().transformToUni((userId, failure) -> record(claimed, userId, failure));
    }

    private Uni<String> callKeycloak(Claimed claimed) {
        return switch (claimed.action()) {
            case PROVISION -> users.provision(claimed.systemId(), claimed.email(), claimed.name());
            case LINK -> users.link(claimed.systemId(), claimed.keycloakUserId(), claimed.email());
            case UNLINK -> claimed.keycloakUserId() == null
                    ? Uni.createFrom().nullItem()
                    : stillACurrentContact(claimed).flatMap(current -> current
                            // named again meanwhile: the user keeps the rights its other record gives
                            ? Uni.createFrom().nullItem()
                            : users.unlink(claimed.systemId(), claimed.keycloakUserId()).replaceWith((String) null));
        };
    }

    private Uni<Boolean> stillACurrentContact(Claimed claimed) {
        LocalDate today = LocalDate.now(clock);
        return Panache.withSession(() -> contacts.ofUser(claimed.systemId(), claimed.keycloakUserId()))
                .map(records -> records.stream().anyMatch(contact -> !contact.getId().equals(claimed.id())
                        && contact.statusOn(today) != ContactStatus.ENDED));
    }

    /** The outcome, under the account's row lock (so the event sequence stays in order). */
    private Uni<Void> record(Claimed claimed, String userId, Throwable failure) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        LocalDate today = LocalDate.now(clock);
        return Panache.withTransaction(() -> accounts.findForUpdate(claimed.systemId())
                .flatMap(account -> contacts.findOfAccount(claimed.systemId(), claimed.id()).flatMap(contact -> {
                    if (contact.getKeycloakAction() != claimed.action()) {
                        // replaced meanwhile (e.g. revoked while being provisioned): the new action follows
                        if (failure == null && userId != null) {
                            contact.rememberKeycloakUser(userId);
                        }
                        return Uni.createFrom().voidItem();
                    }
                    if (failure instanceof KeycloakFailure refused) {
                        LOG.infof("Keycloak %s for contact %s failed: %s", claimed.action(), claimed.id(),
                                refused.getMessage());
                        contact.keycloakFailed(refused.getMessage(), now);
                        return Uni.createFrom().voidItem();
                    }
                    if (failure != null) {
                        Duration delay = retryDelay(contact.getKeycloakSyncAttempts());
                        LOG.warnf("Keycloak %s for contact %s failed (%s); retrying in %s", claimed.action(),
                                claimed.id(), failure.toString(), delay);
                        contact.keycloakRetry(failure.toString(), now.plus(delay));
                        return Uni.createFrom().voidItem();
                    }
                    boolean newUser = userId != null && !userId.equals(contact.getKeycloakUserId());
                    String before = contact.getKeycloakUserId();
                    contact.keycloakDone(userId, now);
                    AuditAction action = claimed.action() == KeycloakAction.UNLINK
                            ? AuditAction.CONTACT_KEYCLOAK_UNLINKED
                            : AuditAction.CONTACT_KEYCLOAK_LINKED;
                    // consumers key their read model by the user: tell them who a current contact is in Keycloak
                    boolean announce = newUser && contact.statusOn(today) != ContactStatus.ENDED;
                    return history.contactKeycloak(account, contact, action, before, announce, SYNC, now);
                })))
                .invoke(history::publish);
    }

    private Duration retryDelay(int attempts) {
        Duration delay = Duration.ofSeconds(1L << Math.min(attempts, 16));
        return delay.compareTo(config.maxRetryDelay()) > 0 ? config.maxRetryDelay() : delay;
    }
}
