package io.supportplatform.ticket.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.supportplatform.ticket.domain.FilingItem;

@ConfigMapping(prefix = "ticket")
public interface TicketConfig {

    Outbox outbox();

    Filing filing();

    interface Filing {

        /**
         * Which P5 items a request must carry, per severity level (1..4), e.g.
         * {@code ticket.filing.required.3=PRODUCTS,PLATFORMS}. A level not configured requires none of
         * them; system ID, severity, subject and problem description are required at every level. The
         * defaults and their reasons are in application.properties.
         */
        Map<Integer, Set<FilingItem>> required();

        /** The items a request of this severity level must carry. */
        default Set<FilingItem> requiredAt(int severity) {
            return required().getOrDefault(severity, Set.of());
        }
    }

    interface Outbox {

        /** How many pending events one relay run claims (and locks) at most. */
        @WithDefault("100")
        int batchSize();

        /**
         * How often the relay sweeps for pending events besides the nudge after each commit: picks up
         * what an earlier attempt could not publish (e.g. Kafka down) or another instance left behind.
         * Read by the {@code @Scheduled} sweep.
         */
        Duration sweepEvery();
    }
}
