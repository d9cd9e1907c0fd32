package io.supportplatform.ticket.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.supportplatform.ticket.domain.AuthorizedContact;
import io.supportplatform.ticket.messaging.AccountEvent.ContactChanged;

@ApplicationScoped
public class AuthorizedContactRepository implements PanacheRepositoryBase<AuthorizedContact, UUID> {

    /** The account's contact records of the Keycloak user, current and past. */
    public Uni<List<AuthorizedContact>> ofUser(String systemId, String keycloakUserId) {
        return list("systemId = ?1 and keycloakUserId = ?2", systemId, keycloakUserId);
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
