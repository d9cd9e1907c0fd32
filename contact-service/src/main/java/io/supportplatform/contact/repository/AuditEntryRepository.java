package io.supportplatform.contact.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportplatform.contact.domain.AuditEntry;

@ApplicationScoped
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, UUID> {

    /** One page of an account's trail, newest first. */
    public Uni<List<AuditEntry>> pageOfAccount(String systemId, int index, int size) {
        return find("systemId", Sort.descending("position"), systemId).page(Page.of(index, size)).list();
    }
}
