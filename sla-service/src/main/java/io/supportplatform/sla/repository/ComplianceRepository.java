package io.supportplatform.sla.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Aggregates stored clocks for the compliance report, in the database (one pass over the period's clocks). */
@ApplicationScoped
public class ComplianceRepository {

    /** What grouping the report uses: the clock's (final) severity or its customer account. */
    public enum Grouping { SEVERITY, ACCOUNT }

    /**
     * One group's counts. A clock is breached once its deadline passed while it ran (recorded, or still running
     * past it at {@code now}); met means met in time; open and stopped clocks that never breached count in
     * neither share. The median response is the time counted against the target (pauses excluded) of the met
     * clocks, late ones included.
     */
    public record Row(String group, String clockType, long met, long breached, long open, long stopped,
            Double medianResponseSeconds) {
    }

    /** Clocks started in [from, to), of one account if {@code systemId} is given. */
    public Uni<List<Row>> compliance(Instant from, Instant to, Instant now, Grouping grouping, String systemId) {
        String group = grouping == Grouping.ACCOUNT ? "system_id" : "cast(severity as varchar)";
        String account = systemId == null ? "" : " and system_id = :systemId";
        String sql = """
                select %s as grp, clock_type,
                       count(*) filter (where state = 'MET' and breached_at is null),
                       count(*) filter (where breached_at is not null or (state = 'RUNNING' and deadline <= :now)),
                       count(*) filter (where state in ('RUNNING', 'PAUSED') and breached_at is null
                                          and not (state = 'RUNNING' and deadline <= :now)),
                       count(*) filter (where state = 'STOPPED' and breached_at is null),
                       percentile_cont(0.5) within group (order by counted_seconds) filter (where state = 'MET')
                from response_clock
                where started_at >= :from and started_at < :to%s
                group by 1, 2
                order by 1, 2""".formatted(group, account);
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql, Object[].class)
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .setParameter("now", now);
            if (systemId != null) {
                query.setParameter("systemId", systemId);
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(row -> new Row(String.valueOf(row[0]), (String) row[1],
                number(row[2]), number(row[3]), number(row[4]), number(row[5]),
                row[6] == null ? null : ((Number) row[6]).doubleValue())).toList());
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
