package io.supportplatform.contact.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportplatform.contact.domain.AccountStatus;
import io.supportplatform.contact.domain.AccountTerms;
import io.supportplatform.contact.domain.AuditAction;
import io.supportplatform.contact.domain.AuditEntry;
import io.supportplatform.contact.domain.AuthorizedContact;
import io.supportplatform.contact.domain.ContactChanges;
import io.supportplatform.contact.domain.CustomerAccount;
import io.supportplatform.contact.domain.NamedContact;
import io.supportplatform.contact.domain.Redesignation;
import io.supportplatform.contact.domain.RedesignationStatus;
import io.supportplatform.contact.domain.Requester;

/**
 * Builds the audit entries of each kind of change (P12.4), with the state before and after as the JSON
 * objects below. The caller saves them in the transaction of the change.
 */
@ApplicationScoped
public class AuditTrail {

    public record AccountState(String systemId, String licenseCode, String name, String region, String supportLevel,
            int contactQuota, AccountStatus status) {
    }

    public record TermsState(String name, String region, String supportLevel, int contactQuota) {

        static TermsState of(AccountTerms terms) {
            return new TermsState(terms.name(), terms.region(), terms.supportLevel().name(), terms.contactQuota());
        }
    }

    public record StatusState(AccountStatus status) {
    }

    public record ContactState(UUID id, String name, String email, String phone, String language, String keycloakUserId,
            LocalDate authorizedFrom, LocalDate authorizedUntil) {

        static ContactState of(AuthorizedContact contact) {
            return new ContactState(contact.getId(), contact.getName(), contact.getEmail(), contact.getPhone(),
                    contact.getLanguage().code(), contact.getKeycloakUserId(), contact.getAuthorizedFrom(),
                    contact.getAuthorizedUntil());
        }

        ContactState withAuthorizedUntil(LocalDate until) {
            return new ContactState(id, name, email, phone, language, keycloakUserId, authorizedFrom, until);
        }
    }

    public record RedesignationState(UUID id, LocalDate effectiveOn, RedesignationStatus status,
            List<NamedContact> additions, List<UUID> removals, String failureReason) {

        static RedesignationState of(Redesignation change, ContactChanges changes) {
            return new RedesignationState(change.getId(), change.getEffectiveOn(), change.getStatus(),
                    changes.additions(), changes.removals(), change.getFailureReason());
        }
    }

    private final ObjectMapper objectMapper;

    public AuditTrail(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    AuditEntry accountOpened(CustomerAccount account, Requester actor, Instant now) {
        AccountState after = new AccountState(account.getSystemId(), account.getLicenseCode(), account.getName(),
                account.getRegion(), account.getSupportLevel().name(), account.getContactQuota(),
                account.getStatus());
        return AuditEntry.record(account.getSystemId(), null, AuditAction.ACCOUNT_OPENED, actor, now, null,
                json(after));
    }

    /** One entry for changed terms, one for a changed status; none when nothing changed. */
    List<AuditEntry> accountChanged(String systemId, AccountTerms before, AccountTerms after, Requester actor,
            Instant now) {
        List<AuditEntry> entries = new ArrayList<>(2);
        TermsState termsBefore = TermsState.of(before);
        TermsState termsAfter = TermsState.of(after);
        if (!termsBefore.equals(termsAfter)) {
            entries.add(AuditEntry.record(systemId, null, AuditAction.ACCOUNT_TERMS_CHANGED, actor, now,
                    json(termsBefore), json(termsAfter)));
        }
        if (before.status() != after.status()) {
            entries.add(AuditEntry.record(systemId, null, AuditAction.ACCOUNT_STATUS_CHANGED, actor, now,
                    json(new StatusState(before.status())), json(new StatusState(after.status()))));
        }
        return entries;
    }

    AuditEntry contactAuthorized(AuthorizedContact contact, Requester actor, Instant now) {
        return AuditEntry.record(contact.getSystemId(), contact.getId(), AuditAction.CONTACT_AUTHORIZED, actor, now,
                null, json(ContactState.of(contact)));
    }

    /** @param untilBefore the contact's authorizedUntil before the revocation */
    AuditEntry contactRevoked(AuthorizedContact contact, LocalDate untilBefore, Requester actor, Instant now) {
        ContactState after = ContactState.of(contact);
        return AuditEntry.record(contact.getSystemId(), contact.getId(), AuditAction.CONTACT_REVOKED, actor, now,
                json(after.withAuthorizedUntil(untilBefore)), json(after));
    }

    AuditEntry redesignationSubmitted(Redesignation change, ContactChanges changes, Requester actor, Instant now) {
        return AuditEntry.record(change.getSystemId(), null, AuditAction.REDESIGNATION_SUBMITTED, actor, now, null,
                json(RedesignationState.of(change, changes)));
    }

    /**
     * The end of a pending redesignation: withdrawn, applied or failed, depending on its status now.
     *
     * @param before its state while pending
     */
    AuditEntry redesignationSettled(Redesignation change, ContactChanges changes, RedesignationState before,
            Requester actor, Instant now) {
        AuditAction action = switch (change.getStatus()) {
            case WITHDRAWN -> AuditAction.REDESIGNATION_WITHDRAWN;
            case APPLIED -> AuditAction.REDESIGNATION_APPLIED;
            case FAILED -> AuditAction.REDESIGNATION_FAILED;
            case PENDING -> throw new IllegalArgumentException("redesignation " + change.getId() + " is pending");
        };
        return AuditEntry.record(change.getSystemId(), null, action, actor, now, json(before),
                json(RedesignationState.of(change, changes)));
    }

    /** @param userBefore the contact's Keycloak user id before the link was made */
    AuditEntry contactKeycloak(AuthorizedContact contact, AuditAction action, String userBefore, Requester actor,
            Instant now) {
        ContactState after = ContactState.of(contact);
        ContactState before = new ContactState(after.id(), after.name(), after.email(), after.phone(),
                after.language(), userBefore, after.authorizedFrom(), after.authorizedUntil());
        return AuditEntry.record(contact.getSystemId(), contact.getId(), action, actor, now, json(before),
                json(after));
    }

    private String json(Object state) {
        try {
            return objectMapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize audit state " + state, e);
        }
    }
}
