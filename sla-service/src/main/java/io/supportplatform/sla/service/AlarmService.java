package io.supportplatform.sla.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supportplatform.outbox.OutboxRelay;
import io.supportplatform.sla.config.AlarmConfig;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;

/** This instance's {@link AlarmScheduler}: runs from start-up to shutdown unless {@code sla.alarms.enabled=false}. */
@ApplicationScoped
public class AlarmService {

    private final AlarmScheduler scheduler;
    private final boolean enabled;

    public AlarmService(Pool pool, Vertx vertx, Clock time, ObjectMapper json, OutboxRelay relay, AlarmConfig config,
            MeterRegistry registry) {
        this.scheduler = new AlarmScheduler(pool, vertx, time, json, relay::nudge, config.batchSize(),
                config.maxSleep(), registry);
        this.enabled = config.enabled();
    }

    void start(@Observes StartupEvent started) {
        if (enabled) {
            scheduler.start();
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        scheduler.stop();
    }

    /** A recomputation planned an alarm due at {@code dueAt}. */
    public void plannedFor(Instant dueAt) {
        scheduler.wakeUpBy(dueAt);
    }
}
