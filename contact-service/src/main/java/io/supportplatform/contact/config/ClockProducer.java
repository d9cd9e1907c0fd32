package io.supportplatform.contact.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

public class ClockProducer {

    /** Authorization periods are calendar days in UTC, the same day for every instance and region. */
    @Produces
    @Singleton
    Clock utc() {
        return Clock.systemUTC();
    }
}
