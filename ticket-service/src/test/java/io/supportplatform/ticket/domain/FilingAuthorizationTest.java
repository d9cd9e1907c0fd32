package io.supportplatform.ticket.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.supportplatform.ticket.domain.FilingAuthorization.Reason;

/** P12.1 decided for every kind of contact history; the day is a calendar day in UTC. */
class FilingAuthorizationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final CustomerAccount ACTIVE = account(AccountStatus.ACTIVE);

    static CustomerAccount account(AccountStatus status) {
        return new CustomerAccount("100001", status, "Nordwind Logistik GmbH");
    }

    static AuthorizedContact contact(LocalDate from, LocalDate until) {
        return new AuthorizedContact(UUID.randomUUID(), "100001", "user-1", from, until);
    }

    static Optional<Reason> decide(CustomerAccount account, AuthorizedContact... contacts) {
        return FilingAuthorization.decide("100001", account, List.of(contacts), TODAY).reason();
    }

    @Test
    void activeFromItsFirstDayUntilTheDayBeforeItsEnd() {
        assertTrue(decide(ACTIVE, contact(TODAY, null)).isEmpty());
        assertTrue(decide(ACTIVE, contact(TODAY.minusYears(1), TODAY.plusDays(1))).isEmpty());
        assertEquals(Optional.of(Reason.AUTHORIZATION_ENDED), decide(ACTIVE, contact(TODAY.minusYears(1), TODAY)));
        assertEquals(Optional.of(Reason.NOT_YET_AUTHORIZED), decide(ACTIVE, contact(TODAY.plusDays(1), null)));
    }

    @Test
    void oneActiveRecordIsEnoughAndTheReasonNamesTheMostTellingOtherwise() {
        assertTrue(decide(ACTIVE, contact(TODAY.minusYears(2), TODAY.minusYears(1)), contact(TODAY, null)).isEmpty());
        FilingAuthorization later = FilingAuthorization.decide("100001", ACTIVE,
                List.of(contact(TODAY.minusYears(2), TODAY.minusYears(1)), contact(TODAY.plusDays(3), null)), TODAY);
        assertEquals(Optional.of(Reason.NOT_YET_AUTHORIZED), later.reason());
        assertEquals(TODAY.plusDays(3), later.day());
        assertTrue(later.message().orElseThrow().contains("starts on 2026-12-01"));
    }

    @Test
    void accountComesFirst() {
        assertEquals(Optional.of(Reason.UNKNOWN_ACCOUNT), decide(null, contact(TODAY, null)));
        assertEquals(Optional.of(Reason.ACCOUNT_SUSPENDED), decide(account(AccountStatus.SUSPENDED), contact(TODAY, null)));
        assertEquals(Optional.of(Reason.NOT_A_CONTACT), decide(ACTIVE));
    }
}
