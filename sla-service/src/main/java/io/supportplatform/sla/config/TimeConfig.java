package io.supportplatform.sla.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one source of "now" for clocks and views, so both evaluate time the same way. */
public class TimeConfig {

    @Produces
    @Singleton
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
