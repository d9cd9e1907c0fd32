package io.supportplatform.contact.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Whether a user may ask for support for an account today (P12.1): only as an active authorized contact
 * (P12.3) of an active account. {@code reason} says why not, and is null when authorized; {@code contactId},
 * {@code validFrom} and {@code validUntil} (exclusive, null: until further notice) describe the contact
 * record the answer rests on, if the user has one.
 */
public record Authorization(boolean authorized, Reason reason, UUID contactId, LocalDate validFrom,
        LocalDate validUntil) {

    public enum Reason {
        UNKNOWN_ACCOUNT,
        NOT_A_CONTACT,
        ACCOUNT_SUSPENDED,
        NOT_YET_AUTHORIZED,
        AUTHORIZATION_ENDED
    }

    /**
     * @param account the account, null if there is none
     * @param contactsOfUser the account's contact records of the user, current and past
     */
    public static Authorization decide(CustomerAccount account, List<AuthorizedContact> contactsOfUser,
            LocalDate today) {
        if (account == null) {
            return new Authorization(false, Reason.UNKNOWN_ACCOUNT, null, null, null);
        }
        if (contactsOfUser.isEmpty()) {
            return new Authorization(false, Reason.NOT_A_CONTACT, null, null, null);
        }
        AuthorizedContact contact = mostRelevant(contactsOfUser, today);
        Reason reason = switch (contact.statusOn(today)) {
            case ACTIVE -> account.getStatus() == AccountStatus.SUSPENDED ? Reason.ACCOUNT_SUSPENDED : null;
            case SCHEDULED -> Reason.NOT_YET_AUTHORIZED;
            case ENDED -> Reason.AUTHORIZATION_ENDED;
        };
        return new Authorization(reason == null, reason, contact.getId(), contact.getAuthorizedFrom(),
                contact.getAuthorizedUntil());
    }

    /**
     * A user may have been a contact more than once (revoked, named again): an active record wins, then the
     * next scheduled one, then the one that ended last.
     */
    private static AuthorizedContact mostRelevant(List<AuthorizedContact> contacts, LocalDate today) {
        Comparator<AuthorizedContact> byStatus = Comparator.comparing(contact -> switch (contact.statusOn(today)) {
            case ACTIVE -> 0;
            case SCHEDULED -> 1;
            case ENDED -> 2;
        });
        Comparator<AuthorizedContact> scheduledSoonestFirst =
                Comparator.comparing(AuthorizedContact::getAuthorizedFrom);
        Comparator<AuthorizedContact> endedLatestFirst = Comparator.comparing(AuthorizedContact::getAuthorizedUntil,
                Comparator.nullsFirst(Comparator.<LocalDate> reverseOrder()));
        return contacts.stream()
                .min(byStatus.thenComparing((a, b) -> a.statusOn(today) == ContactStatus.ENDED
                        ? endedLatestFirst.compare(a, b)
                        : scheduledSoonestFirst.compare(a, b)))
                .orElseThrow();
    }
}
