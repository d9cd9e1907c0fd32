package io.supportplatform.sla.messaging;

import io.smallrye.mutiny.Uni;
import io.supportplatform.cloudevents.MalformedEventException;
import io.supportplatform.sla.domain.TicketEventType;
import io.supportplatform.sla.service.ClockService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes the ticket events the clocks derive from, one channel per topic. Each is stored once (deduped
 * on the CloudEvent id) and the ticket's clocks are recomputed from all its events, so the topics may be
 * read in any relative order. A failed message is nacked and, by the channel's failure strategy, goes to
 * the dead-letter topic with the error: a malformed one at once, one that fails in the database after a
 * few retries, so a short outage does not dead-letter good events.
 */
@ApplicationScoped
public class TicketEventConsumer {

    private static final Logger LOG = Logger.getLogger(TicketEventConsumer.class);

    private final TicketEventParser parser;
    private final ClockService clocks;

    public TicketEventConsumer(TicketEventParser parser, ClockService clocks) {
        this.parser = parser;
        this.clocks = clocks;
    }

    @Incoming("ticket-created-in")
    public Uni<Void> onTicketCreated(String envelope) {
        return record(TicketEventType.TICKET_CREATED, envelope);
    }

    @Incoming("customer-replied-in")
    public Uni<Void> onCustomerReplied(String envelope) {
        return record(TicketEventType.CUSTOMER_REPLIED, envelope);
    }

    @Incoming("agent-replied-in")
    public Uni<Void> onAgentReplied(String envelope) {
        return record(TicketEventType.AGENT_REPLIED, envelope);
    }

    @Incoming("ticket-status-changed-in")
    public Uni<Void> onTicketStatusChanged(String envelope) {
        return record(TicketEventType.TICKET_STATUS_CHANGED, envelope);
    }

    @Incoming("ticket-severity-changed-in")
    public Uni<Void> onTicketSeverityChanged(String envelope) {
        return record(TicketEventType.TICKET_SEVERITY_CHANGED, envelope);
    }

    @Incoming("phone-contact-logged-in")
    public Uni<Void> onPhoneContactLogged(String envelope) {
        return record(TicketEventType.PHONE_CONTACT_LOGGED, envelope);
    }

    @Incoming("escalation-requested-in")
    public Uni<Void> onEscalationRequested(String envelope) {
        return record(TicketEventType.ESCALATION_REQUESTED, envelope);
    }

    private Uni<Void> record(TicketEventType type, String envelope) {
        return Uni.createFrom().item(() -> parser.parse(type, envelope))
                .onFailure(MalformedEventException.class).invoke(e -> LOG.warn(e.getMessage() + "; dead-lettered"))
                .flatMap(event -> Uni.createFrom().deferred(() -> clocks.record(event, envelope))
                        .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10)).atMost(4));
    }
}
