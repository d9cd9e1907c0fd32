package io.supportplatform.sla.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.sla.repository.ComplianceRepository;
import io.supportplatform.sla.repository.ComplianceRepository.Grouping;
import io.supportplatform.sla.repository.ComplianceRepository.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** The SLA compliance report: met and breached promises per severity or account and period. */
@ApplicationScoped
public class ReportService {

    private final ComplianceRepository compliance;

    public ReportService(ComplianceRepository compliance) {
        this.compliance = compliance;
    }

    /** A customer's report covers their own account only, whatever they ask for. */
    @WithSession
    public Uni<List<Row>> compliance(Instant from, Instant to, Instant now, Grouping grouping, Viewer viewer) {
        if (!viewer.seesAllAccounts() && viewer.systemId() == null) {
            throw ProblemException.forbidden("The token names no customer account (claim system_id).");
        }
        return compliance.compliance(from, to, now, grouping, viewer.seesAllAccounts() ? null : viewer.systemId());
    }
}
