package io.supportplatform.ticket.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportplatform.outbox.OutboxRelay;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.ticket.config.WorkConfig;
import io.supportplatform.ticket.domain.EscalationKind;
import io.supportplatform.ticket.domain.EscalationRequest;
import io.supportplatform.ticket.domain.Requester;
import io.supportplatform.ticket.messaging.TicketEvents;
import io.supportplatform.ticket.repository.EscalationRequestRepository;

/** The customer asking, inside the ticket, for an update or a further escalation at any time (P13.3). */
@ApplicationScoped
public class EscalationRequestService {

    private final TicketAccess access;
    private final EscalationRequestRepository requests;
    private final TicketEvents events;
    private final OutboxRelay relay;
    private final WorkConfig config;

    public EscalationRequestService(TicketAccess access, EscalationRequestRepository requests,
            TicketEvents events, OutboxRelay relay, WorkConfig config) {
        this.access = access;
        this.requests = requests;
        this.events = events;
        this.relay = relay;
        this.config = config;
    }

    /**
     * Records the request and publishes {@code escalation-requested} (sla-service escalates at once). Support
     * may record it on the customer's behalf (e.g. asked for on the phone). Within
     * {@code ticket.work.escalation-request-interval} of a request of the same kind on the same ticket, another
     * one is refused (409): support was alerted already, and repeating it only floods them. Closed tickets take
     * none (409).
     */
    public Uni<EscalationRequest> request(String id, EscalationKind kind, Optional<String> message,
            Requester requester) {
        Instant now = TicketAccess.now();
        return Panache.withTransaction(() -> access.lockVisible(id, requester).flatMap(ticket -> {
            TicketAccess.refuseWhenClosed(ticket, "escalated; file a new ticket");
            return requests.latestSince(ticket.getId(), kind, now.minus(config.escalationRequestInterval()))
                    .flatMap(previous -> {
                        if (previous != null) {
                            throw ProblemException.conflict("An " + kind + " request on ticket "
                                    + ticket.getTicketNumber() + " was made at " + previous.getRequestedAt()
                                    + " and support has been alerted; ask again from "
                                    + previous.getRequestedAt().plus(config.escalationRequestInterval()) + " on.");
                        }
                        EscalationRequest request = new EscalationRequest(ticket.getId(), kind, message,
                                requester.username(), now);
                        return requests.persist(request)
                                .call(() -> events.write(events.escalationRequested(ticket, request)));
                    });
        })).invoke(relay::nudge);
    }

    @WithSession
    public Uni<List<EscalationRequest>> requests(String id, Requester requester) {
        return access.findVisible(id, requester).flatMap(ticket -> requests.of(ticket.getId()));
    }
}
