package io.supportplatform.ticket.config;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Reading tickets: history visibility and list paging ({@code ticket.reading.*}). */
@ConfigMapping(prefix = "ticket.reading")
public interface ReadingConfig {

    /**
     * The event types (topic names) a customer sees in a ticket's history. Anything else stays with support:
     * a new event type is internal until it is listed here, so internal-only data never leaks by default.
     * Internal notes (data.visibility INTERNAL) are hidden from customers whatever their type (P3.1).
     */
    Set<String> customerVisibleEvents();

    /** Page size when the request names none. */
    @WithDefault("20")
    int defaultPageSize();

    /** Largest page size a request may ask for. */
    @WithDefault("100")
    int maxPageSize();
}
