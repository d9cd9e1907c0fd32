package io.supportplatform.contact.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.supportplatform.contact.domain.CustomerAccount;

@ApplicationScoped
public class CustomerAccountRepository implements PanacheRepositoryBase<CustomerAccount, String> {

    /**
     * The account, its row locked until the transaction ends: every change that depends on the number of
     * contacts (adding one, lowering the quota) takes this lock first, so such changes run one after another.
     */
    public Uni<CustomerAccount> findForUpdate(String systemId) {
        return findById(systemId, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<CustomerAccount>> page(int index, int size) {
        return findAll(Sort.by("systemId")).page(Page.of(index, size)).list();
    }
}
