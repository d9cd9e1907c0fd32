package io.supportplatform.ticket.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.domain.AccountStatus;
import io.supportplatform.ticket.domain.AuthorizedContact;
import io.supportplatform.ticket.domain.CustomerAccount;
import io.supportplatform.ticket.messaging.AccountEvent.ContactChanged;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class AuthorizedContactRepository implements PanacheRepositoryBase<AuthorizedContact, UUID> {

    /** {@link #accountWithContactsOfUser}'s query in SQL, for {@link #accountWithContactsOfUserPooled}. */
    private static final String ACCOUNT_WITH_CONTACTS_OF_USER = """
            select a.status, a.name, c.contact_id, c.authorized_from, c.authorized_until
            from customer_account a
            left join authorized_contact c on c.system_id = a.system_id and c.keycloak_user_id = $2
            where a.system_id = $1""";

    private final Pool pool;

    public AuthorizedContactRepository(Pool pool) {
        this.pool = pool;
    }

    /** The account as last published (null if none has arrived) and its contact records of one user. */
    public record AccountWithContacts(CustomerAccount account, List<AuthorizedContact> contactsOfUser) {
    }

    /**
     * The account and the Keycloak user's contact records of it, current and past, in one query (one round trip
     * and one snapshot instead of two per filing). Contact rows of an account that has not arrived yet do not
     * matter: without the account nobody may file. A null user (no {@code sub}) matches no contact.
     */
    public Uni<AccountWithContacts> accountWithContactsOfUser(String systemId, String keycloakUserId) {
        return getSession().flatMap(session -> session.createSelectionQuery("""
                        select a, c from CustomerAccount a
                        left join AuthorizedContact c on c.systemId = a.systemId and c.keycloakUserId = :userId
                        where a.systemId = :systemId""", Object[].class)
                .setParameter("systemId", systemId)
                .setParameter("userId", keycloakUserId)
                .getResultList())
                .map(rows -> rows.isEmpty() ? new AccountWithContacts(null, List.of())
                        : new AccountWithContacts((CustomerAccount) rows.get(0)[0], rows.stream()
                                .map(row -> (AuthorizedContact) row[1])
                                .filter(Objects::nonNull)
                                .toList()));
    }

    /**
     * The same as {@link #accountWithContactsOfUser}, read on a pooled connection of its own instead of in the
     * caller's Hibernate session: for filing, which opens no session (its write is one statement). Not for a caller
     * inside a transaction: it would hold one connection while waiting for another.
     */
    public Uni<AccountWithContacts> accountWithContactsOfUserPooled(String systemId, String keycloakUserId) {
        return pool.preparedQuery(ACCOUNT_WITH_CONTACTS_OF_USER).execute(Tuple.of(systemId, keycloakUserId))
                .map(rows -> {
                    CustomerAccount account = null;
                    List<AuthorizedContact> contacts = new ArrayList<>(1);
                    for (Row row : rows) {
                        if (account == null) {
                            account = new CustomerAccount(systemId, AccountStatus.valueOf(row.getString("status")),
                                    row.getString("name"));
                        }
                        UUID contactId = row.getUUID("contact_id");
                        if (contactId != null) {
                            contacts.add(new AuthorizedContact(contactId, systemId, keycloakUserId,
                                    row.getLocalDate("authorized_from"), row.getLocalDate("authorized_until")));
                        }
                    }
                    return new AccountWithContacts(account, List.copyOf(contacts));
                });
    }

    /**
     * Writes the contact's authorization from the event unless a later event of the account about this contact
     * was applied already (a late contact-authorized must not undo a contact-revoked).
     *
     * @return whether the event changed the row
     */
    public Uni<Boolean> apply(ContactChanged event, Instant now) {
        return getSession().flatMap(session -> session.createNativeQuery("""
                        insert into authorized_contact (contact_id, system_id, keycloak_user_id, authorized_from,
                                                        authorized_until, last_sequence, updated_at)
                        values (:contactId, :systemId, cast(:userId as varchar), :from, cast(:until as date),
                                :sequence, :now)
                        on conflict (contact_id) do update
                            set keycloak_user_id = excluded.keycloak_user_id,
                                authorized_from = excluded.authorized_from,
                                authorized_until = excluded.authorized_until,
                                last_sequence = excluded.last_sequence, updated_at = excluded.updated_at
                            where authorized_contact.last_sequence < excluded.last_sequence
                              and authorized_contact.system_id = excluded.system_id
                        """)
                .setParameter("contactId", event.contactId())
                .setParameter("systemId", event.systemId())
                .setParameter("userId", event.keycloakUserId())
                .setParameter("from", event.authorizedFrom())
                .setParameter("until", event.authorizedUntil())
                .setParameter("sequence", event.sequence())
                .setParameter("now", now)
                .executeUpdate()
                .map(rows -> rows == 1));
    }
}
