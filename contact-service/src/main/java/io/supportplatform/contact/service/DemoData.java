package io.supportplatform.contact.service;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.supportplatform.contact.config.DemoDataConfig;
import io.supportplatform.contact.domain.Language;
import io.supportplatform.contact.domain.Requester;
import io.supportplatform.contact.domain.SupportLevel;
import io.supportplatform.contact.repository.AuthorizedContactRepository;
import io.supportplatform.contact.repository.CustomerAccountRepository;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The demo customers of the local run and the end-to-end tests ({@code DEMO_DATA=true}): the accounts of the
 * realm's demo users (deploy/keycloak/support-realm.json) with those users as authorized contacts, linked to their
 * fixed Keycloak ids. Loaded through the services, so they get audit entries and events like any other change;
 * only what is missing is added, so a restart changes and publishes nothing. No Keycloak users are provisioned:
 * the realm has them.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final Requester LOADER = new Requester("demo-data", null, true, Optional.empty());
    /** A fixed first day, so that loading again finds the same contacts. */
    private static final LocalDate SINCE = LocalDate.of(2026, 1, 1);

    record DemoAccount(NewAccount account, List<NewContact> contacts) {
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount(new NewAccount("100001", "100001-4E7A-91C3", "Nordwind Logistik GmbH", "EU-DE",
                    SupportLevel.STANDARD, 3), List.of(
                            new NewContact("Anna Berger", "anna.berger@nordwind-logistik.example", "+4940555010001",
                                    Language.DE, "6f1c2d3e-0000-4000-8000-000000000001", SINCE, null, null),
                            new NewContact("Jonas Keller", "jonas.keller@nordwind-logistik.example", "+4940555010002",
                                    Language.DE, "6f1c2d3e-0000-4000-8000-000000000002", SINCE, null, null))),
            new DemoAccount(new NewAccount("200002", "200002-B5D1-0A77", "Harbor Health Inc.", "EU-AT",
                    SupportLevel.PREMIUM, 2), List.of(
                            new NewContact("Maria Lopez", "maria.lopez@harbor-health.example", "+43155501003",
                                    Language.EN, "6f1c2d3e-0000-4000-8000-000000000003", SINCE, null, null))));

    private final DemoDataConfig config;
    private final AccountService accountService;
    private final ContactService contactService;
    private final CustomerAccountRepository accounts;
    private final AuthorizedContactRepository contacts;
    private final Vertx vertx;

    public DemoData(DemoDataConfig config, AccountService accountService, ContactService contactService,
            CustomerAccountRepository accounts, AuthorizedContactRepository contacts, Vertx vertx) {
        this.config = config;
        this.accountService = accountService;
        this.contactService = contactService;
        this.accounts = accounts;
        this.contacts = contacts;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.enabled()) {
            // on the main thread, before requests are served
            int added = loadOnContext().await().atMost(Duration.ofMinutes(2));
            LOG.infof("Demo data: %d accounts and contacts added (0: all there already)", added);
        }
    }

    /**
     * Adds what is missing, on a Vert.x context of its own (Hibernate Reactive needs one).
     *
     * @return how many accounts and contacts were missing and added
     */
    Uni<Integer> loadOnContext() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().deferred(this::load)
                .runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private Uni<Integer> load() {
        return Multi.createFrom().iterable(ACCOUNTS)
                .onItem().transformToUniAndConcatenate(this::load)
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> load(DemoAccount demo) {
        String systemId = demo.account().systemId();
        return Panache.withSession(() -> accounts.findById(systemId))
                .flatMap(existing -> existing != null
                        ? Uni.createFrom().item(0)
                        : accountService.open(demo.account(), LOADER).replaceWith(1))
                .flatMap(accountAdded -> Multi.createFrom().iterable(demo.contacts())
                        .onItem().transformToUniAndConcatenate(contact -> Panache.withSession(() -> contacts
                                .currentEmailTaken(systemId, contact.email(), contactService.today()))
                                .flatMap(there -> there
                                        ? Uni.createFrom().item(0)
                                        : contactService.authorize(systemId, contact, LOADER).replaceWith(1)))
                        .collect().with(Collectors.summingInt(Integer::intValue))
                        .map(contactsAdded -> accountAdded + contactsAdded));
    }
}
