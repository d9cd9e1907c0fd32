package io.supportplatform.ticket.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a customer user may file or reply for an account today (P12.1): only an active authorized contact
 * (P12.3) of an active account, matched by the token's {@code sub} to the contact's Keycloak user. Support staff
 * acting on a customer's behalf are not checked against the contacts.
 *
 * @param reason why not; empty when authorized
 * @param day the day that explains {@link Reason#NOT_YET_AUTHORIZED} (start) or
 *        {@link Reason#AUTHORIZATION_ENDED} (end), else null
 */
public record FilingAuthorization(String systemId, Optional<Reason> reason, LocalDate day) {

    public enum Reason {
        /** No customer-account-changed of this account has arrived (yet). */
        UNKNOWN_ACCOUNT("Unknown customer account",
                "Customer account %s is not known to support (yet), so nobody can file or reply for it."),
        ACCOUNT_SUSPENDED("Customer account suspended",
                "Customer account %s is suspended: nobody may file or reply for it until it is active again."),
        NOT_A_CONTACT("Not an authorized contact",
                "You are not an authorized contact of customer account %s: only the contacts your company named "
                        + "may ask for support (P12.1). Ask your administrator to name you."),
        NOT_YET_AUTHORIZED("Authorization not yet in effect",
                "Your authorization as a contact of customer account %s starts on %s (P12.5)."),
        AUTHORIZATION_ENDED("Authorization ended",
                "Your authorization as a contact of customer account %s ended on %s (P12.1).");

        private final String title;
        private final String detail;

        Reason(String title, String detail) {
            this.title = title;
            this.detail = detail;
        }

        public String title() {
            return title;
        }
    }

    /**
     * @param account the account as last published, null if none has arrived
     * @param contactsOfUser the account's contact records of the user, current and past
     * @param today the calendar day in UTC (contact-service counts authorization days in UTC)
     */
    public static FilingAuthorization decide(String systemId, CustomerAccount account,
            List<AuthorizedContact> contactsOfUser, LocalDate today) {
        if (account == null) {
            return refused(systemId, Reason.UNKNOWN_ACCOUNT, null);
        }
        if (account.getStatus() == AccountStatus.SUSPENDED) {
            return refused(systemId, Reason.ACCOUNT_SUSPENDED, null);
        }
        if (contactsOfUser.stream().anyMatch(contact -> contact.activeOn(today))) {
            return granted(systemId);
        }
        // Not active today: the next authorization to come explains it best, else the one that ended last.
        Optional<AuthorizedContact> upcoming = contactsOfUser.stream().filter(contact -> contact.startsAfter(today))
                .min(Comparator.comparing(AuthorizedContact::getAuthorizedFrom));
        if (upcoming.isPresent()) {
            return refused(systemId, Reason.NOT_YET_AUTHORIZED, upcoming.get().getAuthorizedFrom());
        }
        return contactsOfUser.stream()
                .filter(contact -> contact.getAuthorizedUntil() != null)
                .max(Comparator.comparing(AuthorizedContact::getAuthorizedUntil))
                .map(ended -> refused(systemId, Reason.AUTHORIZATION_ENDED, ended.getAuthorizedUntil()))
                .orElse(refused(systemId, Reason.NOT_A_CONTACT, null));
    }

    public static FilingAuthorization granted(String systemId) {
        return new FilingAuthorization(systemId, Optional.empty(), null);
    }

    private static FilingAuthorization refused(String systemId, Reason reason, LocalDate day) {
        return new FilingAuthorization(systemId, Optional.of(reason), day);
    }

    public boolean authorized() {
        return reason.isEmpty();
    }

    /** A sentence for the user saying why not; empty when authorized. */
    public Optional<String> message() {
        return reason.map(r -> r.detail.formatted(systemId, day));
    }
}
