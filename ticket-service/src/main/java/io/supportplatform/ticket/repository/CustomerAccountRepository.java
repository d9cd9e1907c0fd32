package io.supportplatform.ticket.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.domain.CustomerAccount;
import io.supportplatform.ticket.messaging.AccountEvent.AccountChanged;

@ApplicationScoped
public class CustomerAccountRepository implements PanacheRepositoryBase<CustomerAccount, String> {

    /**
     * Writes the account's state from the event unless a later event of the account was applied already
     * (events arrive in any order across topics).
     *
     * @return whether the event changed the row
     */
    public Uni<Boolean> apply(AccountChanged event, Instant now) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        insert into customer_account (system_id, status, name, last_sequence, updated_at)
                        values (:systemId, :status, :name, :sequence, :now)
                        on conflict (system_id) do update
                            set status = excluded.status, name = excluded.name,
                                last_sequence = excluded.last_sequence, updated_at = excluded.updated_at
                            where customer_account.last_sequence < excluded.last_sequence
                        """)
                .setParameter("systemId", event.systemId())
                .setParameter("status", event.status().name())
                .setParameter("name", event.name())
                .setParameter("sequence", event.sequence())
                .setParameter("now", now)
                .executeUpdate()
                .map(rows -> rows == 1));
    }
}
