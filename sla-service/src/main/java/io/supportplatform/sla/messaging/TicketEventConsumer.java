package io.supportplatform.sla.messaging;

import io.smallrye.mutiny.Uni;
import io.supportplatform.sla.service.ClockService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes ticket events from Kafka. A failed message is nacked and, by the channel's failure
 * strategy, goes to the dead-letter topic with the error: a malformed one at once, one that fails
 * in the database after a few retries, so a short outage does not dead-letter good events.
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
        return Uni.createFrom().item(() -> parser.ticketCreated(envelope))
                .onFailure(MalformedEventException.class).invoke(e -> LOG.warn(e.getMessage() + "; dead-lettered"))
                .flatMap(event -> Uni.createFrom().deferred(() -> clocks.record(event, envelope))
                        .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(10)).atMost(4));
    }
}
