package io.supportplatform.sla.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.supportplatform.sla.repository.ComplianceRepository.Row;
import java.time.Instant;
import java.util.List;

/**
 * The compliance report over clocks started in [from, to): per group (severity or account) and clock type,
 * how many promises were met in time and how many breached, their shares of the decided ones (met +
 * breached), clocks still open or stopped without a breach, and the median time to the response.
 */
public record ComplianceReport(Instant from, Instant to, String groupBy, Instant generatedAt, List<Group> groups) {

    /** Shares are absent while nothing in the group is decided yet. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(String group, String clockType, long met, long breached, long open, long stopped,
            Double metShare, Double breachedShare, Long medianResponseSeconds) {

        static Group of(Row row) {
            long decided = row.met() + row.breached();
            return new Group(row.group(), row.clockType(), row.met(), row.breached(), row.open(), row.stopped(),
                    decided == 0 ? null : (double) row.met() / decided,
                    decided == 0 ? null : (double) row.breached() / decided,
                    row.medianResponseSeconds() == null ? null : Math.round(row.medianResponseSeconds()));
        }
    }
}
