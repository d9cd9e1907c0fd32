package io.supportplatform.ticket.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportplatform.outbox.OutboxRelay;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.ticket.domain.PhoneContact;
import io.supportplatform.ticket.domain.Requester;
import io.supportplatform.ticket.messaging.TicketEvents;
import io.supportplatform.ticket.repository.PhoneContactRepository;

/** Phone support (P4): support logs its calls against an existing ticket. */
@ApplicationScoped
public class PhoneContactService {

    /** Clocks of the caller's device and this service differ a little; a call is not logged before it happens. */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(2);

    private final TicketAccess access;
    private final PhoneContactRepository calls;
    private final TicketEvents events;
    private final OutboxRelay relay;

    public PhoneContactService(TicketAccess access, PhoneContactRepository calls, TicketEvents events,
            OutboxRelay relay) {
        this.access = access;
        this.calls = calls;
        this.events = events;
        this.relay = relay;
    }

    /**
     * Logs a call and publishes {@code phone-contact-logged}. Without a ticket there is no phone support
     * (P4.2): an unknown ticket is 404. Calls on a ticket in any status are logged, since what was said must be
     * on record.
     */
    public Uni<PhoneContact> log(String id, PhoneContactDraft call, Requester requester) {
        Instant now = TicketAccess.now();
        if (call.calledAt().isAfter(now.plus(CLOCK_TOLERANCE))) {
            return Uni.createFrom().failure(ProblemException.badRequest("calledAt", "PastOrPresent",
                    "must not lie in the future"));
        }
        return Panache.withTransaction(() -> access.lockVisible(id, requester).flatMap(ticket -> {
            PhoneContact logged = new PhoneContact(ticket.getId(), call.tier(), call.direction(), call.calledAt(),
                    call.contactName(), call.summary(), requester.username(), now);
            return calls.persist(logged).call(() -> events.write(events.phoneContactLogged(ticket, logged)));
        })).invoke(relay::nudge);
    }

    @WithSession
    public Uni<List<PhoneContact>> calls(String id, Requester requester) {
        return access.findVisible(id, requester).flatMap(ticket -> calls.of(ticket.getId()));
    }
}
