package io.supportplatform.ticket.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.domain.DevelopmentEscalation;

@ApplicationScoped
public class DevelopmentEscalationRepository implements PanacheRepositoryBase<DevelopmentEscalation, UUID> {

    /** The ticket's rounds of escalation to development, first round first. */
    public Uni<List<DevelopmentEscalation>> of(UUID ticketId) {
        return list("ticketId", Sort.by("round"), ticketId);
    }
}
