package io.supportplatform.ticket.config;

import java.util.Map;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.supportplatform.ticket.domain.FilingItem;

@ConfigMapping(prefix = "ticket")
public interface TicketConfig {

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
}
