package io.supportplatform.ticket.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;

/** Settings for working a ticket (assignment, customer escalation requests, support access). */
@ConfigMapping(prefix = "ticket.work")
public interface WorkConfig {

    /**
     * The support queues a ticket may be put in, e.g. FIRST_LEVEL, TIER2, DEVELOPMENT. New tickets start in
     * FIRST_LEVEL ({@code Ticket.INTAKE_QUEUE}), so the list must contain it.
     */
    List<String> queues();

    /**
     * P13.3 without spam: a customer's request of the same kind on the same ticket within this interval of the
     * previous one is refused (409); support has already been alerted.
     */
    Duration escalationRequestInterval();

    /** The longest support access a customer may grant at once (P7.1); a grant must end within this. */
    Duration supportAccessMaxDuration();
}
