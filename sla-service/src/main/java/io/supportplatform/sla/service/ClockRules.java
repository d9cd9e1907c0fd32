package io.supportplatform.sla.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportplatform.sla.domain.RegionCalendars;
import io.supportplatform.sla.domain.SlaPolicies;
import io.supportplatform.sla.repository.PolicyRepository;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The activated policy versions and the regional calendars every recomputation needs, read from the
 * database only when they changed: one small revision query per recomputation instead of reading and
 * parsing all of them for each event. Several instances stay consistent because each checks the revision
 * in the database, not a local notification.
 */
@ApplicationScoped
public class ClockRules {

    /** What the clocks are computed with, and the revision it was read at. */
    public record Snapshot(String revision, SlaPolicies policies, RegionCalendars calendars) {
    }

    /**
     * Changes with every activation (drafts are not used by clocks) and every calendar write. Policy versions
     * are never changed once active, so the count and latest activation identify the active set.
     */
    private static final String REVISION = """
            select (select count(*) || '@' || coalesce(max(activated_at)::text, '-')
                    from sla_policy where effective_from is not null)
                   || '|' ||
                   (select count(*) || '@' || coalesce(max(updated_at)::text, '-')
                    from business_calendar)""";

    private final Pool pool;
    private final PolicyRepository policies;
    private final CalendarService calendars;
    private final AtomicReference<Snapshot> cached = new AtomicReference<>();

    public ClockRules(Pool pool, PolicyRepository policies, CalendarService calendars) {
        this.pool = pool;
        this.policies = policies;
        this.calendars = calendars;
    }

    /**
     * The revision is one plain query on the pool, no Hibernate session (a session per batch of ticket events cost
     * more than the query, bench/ticket-intake); policies and calendars are read in a session only when it changed
     * (the caller's, when it has one).
     */
    public Uni<Snapshot> current() {
        return pool.preparedQuery(REVISION).execute().map(rows -> rows.iterator().next().getString(0)).flatMap(revision -> {
            Snapshot snapshot = cached.get();
            if (snapshot != null && snapshot.revision().equals(revision)) {
                return Uni.createFrom().item(snapshot);
            }
            return Panache.withSession(() -> policies.all().flatMap(versions -> calendars.regionCalendars()
                    .map(regions -> {
                        Snapshot fresh = new Snapshot(revision, versions, regions);
                        cached.set(fresh);
                        return fresh;
                    })));
        });
    }
}
