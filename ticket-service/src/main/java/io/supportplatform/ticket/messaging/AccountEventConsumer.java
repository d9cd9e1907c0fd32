package io.supportplatform.ticket.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.supportplatform.cloudevents.MalformedEventException;
import io.supportplatform.ticket.service.AuthorizedContacts;

/**
 * Keeps the authorized-contact read model current from contact-service's {@code customer-account-changed},
 * {@code contact-authorized} and {@code contact-revoked}. A failed message is nacked and, by the channel's
 * failure strategy, goes to {@code dead-letter-ticket} with the reason: a malformed one at once, one that fails
 * in the database after a few retries (so a short database hiccup does not dead-letter good events).
 */
@ApplicationScoped
public class AccountEventConsumer {

    private static final Logger LOG = Logger.getLogger(AccountEventConsumer.class);

    private final AccountEventParser parser;
    private final AuthorizedContacts contacts;

    public AccountEventConsumer(AccountEventParser parser, AuthorizedContacts contacts) {
        this.parser = parser;
        this.contacts = contacts;
    }

    @Incoming("account-events")
    public Uni<Void> onAccountEvent(String envelope) {
        return Uni.createFrom().item(() -> parser.parse(envelope))
                .onFailure(MalformedEventException.class).invoke(e -> LOG.warn(e.getMessage() + "; dead-lettered"))
                .flatMap(event -> Uni.createFrom().deferred(() -> contacts.apply(event))
                        .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10)).atMost(4));
    }
}
