package io.supportplatform.ticket.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportplatform.cloudevents.MalformedEventException;
import io.supportplatform.devstack.testing.EventContract;
import io.supportplatform.ticket.domain.AccountStatus;
import io.vertx.core.json.JsonObject;

/** contact-service's contract examples are read as published; anything else is named precisely for the dead letter. */
class AccountEventParserTest {

    private final AccountEventParser parser = new AccountEventParser(new ObjectMapper());

    private static String example(String name) {
        return EventContract.read(EventContract.CONTRACTS.resolve("examples/" + name + ".v1.json"));
    }

    @Test
    void readsTheContractExamples() {
        var account = (AccountEvent.AccountChanged) parser.parse(example("customer-account-changed"));
        assertEquals("100001", account.systemId());
        assertEquals(1, account.sequence());
        assertEquals(AccountStatus.ACTIVE, account.status());

        var authorized = (AccountEvent.ContactChanged) parser.parse(example("contact-authorized"));
        assertEquals(UUID.fromString("c1a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8"), authorized.contactId());
        assertEquals(LocalDate.parse("2026-12-01"), authorized.authorizedFrom());
        assertEquals(LocalDate.parse("2027-12-01"), authorized.authorizedUntil());
        assertEquals(2, authorized.sequence());

        var revoked = (AccountEvent.ContactChanged) parser.parse(example("contact-revoked"));
        assertEquals(LocalDate.parse("2027-03-15"), revoked.authorizedUntil());
        assertEquals(AccountEventParser.CONTACT_REVOKED, revoked.type());
    }

    @Test
    void optionalFieldsMayBeAbsentAndUnknownOnesAreIgnored() {
        JsonObject event = new JsonObject(example("contact-authorized"));
        event.getJsonObject("data").remove("keycloakUserId");
        event.getJsonObject("data").remove("authorizedUntil");
        event.getJsonObject("data").put("addedLater", true);

        var contact = (AccountEvent.ContactChanged) parser.parse(event.encode());
        assertNull(contact.keycloakUserId());
        assertNull(contact.authorizedUntil());
    }

    @Test
    void namesEveryProblemOfAMalformedEvent() {
        JsonObject event = new JsonObject(example("contact-revoked"));
        event.put("subject", "999999");
        event.getJsonObject("data").remove("authorizedUntil");
        event.getJsonObject("data").put("sequence", 0).put("contactId", "c1");

        String problems = assertThrows(MalformedEventException.class, () -> parser.parse(event.encode())).getMessage();
        assertTrue(problems.contains("subject must be the account's system ID 100001"), problems);
        assertTrue(problems.contains("data.authorizedUntil"), problems);
        assertTrue(problems.contains("data.sequence"), problems);
        assertTrue(problems.contains("data.contactId must be a UUID"), problems);
    }

    @Test
    void aBlankRequiredFieldIsNamedOnce() {
        JsonObject event = new JsonObject(example("customer-account-changed"));
        event.getJsonObject("data").put("name", " ").put("status", "CLOSED");

        var problems = assertThrows(MalformedEventException.class, () -> parser.parse(event.encode())).problems();
        assertEquals(List.of("data.name must be a non-blank string",
                "data.status must be one of [ACTIVE, SUSPENDED], was CLOSED"), problems);
    }

    @Test
    void rejectsOtherTypesAndNonJson() {
        JsonObject other = new JsonObject(example("customer-account-changed")).put("type", "io.supportplatform.x.v1");
        assertThrows(MalformedEventException.class, () -> parser.parse(other.encode()));
        assertThrows(MalformedEventException.class, () -> parser.parse("{not json"));
        assertThrows(MalformedEventException.class, () -> parser.parse(""));
    }
}
