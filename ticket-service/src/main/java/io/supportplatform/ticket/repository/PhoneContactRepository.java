package io.supportplatform.ticket.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.domain.PhoneContact;

@ApplicationScoped
public class PhoneContactRepository implements PanacheRepositoryBase<PhoneContact, UUID> {

    /** The ticket's phone contacts in the order the calls took place. */
    public Uni<List<PhoneContact>> of(UUID ticketId) {
        return list("ticketId", Sort.by("calledAt").and("id"), ticketId);
    }
}
