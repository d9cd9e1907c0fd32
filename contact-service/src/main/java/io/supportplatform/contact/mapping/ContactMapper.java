package io.supportplatform.contact.mapping;

import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supportplatform.contact.domain.AccountStatus;
import io.supportplatform.contact.domain.AccountTerms;
import io.supportplatform.contact.domain.AuditEntry;
import io.supportplatform.contact.domain.Authorization;
import io.supportplatform.contact.domain.AuthorizedContact;
import io.supportplatform.contact.domain.CustomerAccount;
import io.supportplatform.contact.domain.KeycloakAction;
import io.supportplatform.contact.domain.Language;
import io.supportplatform.contact.domain.SupportLevel;
import io.supportplatform.contact.rest.AccountPatchRequest;
import io.supportplatform.contact.rest.AccountResponse;
import io.supportplatform.contact.rest.AccountTermsRequest;
import io.supportplatform.contact.rest.AuditEntryResponse;
import io.supportplatform.contact.rest.AuthorizationResponse;
import io.supportplatform.contact.rest.ContactResponse;
import io.supportplatform.contact.rest.NewAccountRequest;
import io.supportplatform.contact.rest.NewContactRequest;
import io.supportplatform.contact.service.NewAccount;
import io.supportplatform.contact.service.NewContact;

/** Between the REST representations (validated) and the domain. */
public final class ContactMapper {

    /** Only parses the audit states this service wrote itself; needs none of the application's settings. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContactMapper() {
    }

    public static NewAccount toNewAccount(NewAccountRequest request) {
        return new NewAccount(request.systemId(), request.licenseCode(), request.name().strip(), request.region(),
                SupportLevel.valueOf(request.supportLevel()), request.contactQuota());
    }

    public static AccountTerms toTerms(AccountTermsRequest request) {
        return new AccountTerms(request.name().strip(), request.region(), SupportLevel.valueOf(request.supportLevel()),
                request.contactQuota(), AccountStatus.valueOf(request.status()));
    }

    /** The current terms with the fields the patch names replaced. */
    public static AccountTerms patch(AccountTerms current, AccountPatchRequest patch) {
        return new AccountTerms(
                patch.name() != null ? patch.name().strip() : current.name(),
                patch.region() != null ? patch.region() : current.region(),
                patch.supportLevel() != null ? SupportLevel.valueOf(patch.supportLevel()) : current.supportLevel(),
                patch.contactQuota() != null ? patch.contactQuota() : current.contactQuota(),
                patch.status() != null ? AccountStatus.valueOf(patch.status()) : current.status());
    }

    public static NewContact toNewContact(NewContactRequest request) {
        return new NewContact(request.name().strip(), request.email(), request.phone(),
                Language.ofCode(request.language()), request.keycloakUserId(), request.authorizedFrom(),
                request.authorizedUntil(),
                request.keycloak() == null ? null : KeycloakAction.valueOf(request.keycloak()));
    }

    public static AccountResponse toResponse(CustomerAccount account) {
        return new AccountResponse(account.getSystemId(), account.getLicenseCode(), account.getName(),
                account.getRegion(), account.getSupportLevel().name(), account.getContactQuota(),
                account.getStatus().name(), account.getCreatedAt(), account.getUpdatedAt(), account.getVersion());
    }

    public static ContactResponse toResponse(AuthorizedContact contact, LocalDate today) {
        return new ContactResponse(contact.getId(), contact.getSystemId(), contact.getName(), contact.getEmail(),
                contact.getPhone(), contact.getLanguage().code(), contact.getKeycloakUserId(),
                contact.getAuthorizedFrom(), contact.getAuthorizedUntil(), contact.statusOn(today).name(),
                contact.getKeycloakAction() == null ? null : contact.getKeycloakAction().name(),
                contact.getKeycloakSync() == null ? null : contact.getKeycloakSync().name(),
                contact.getKeycloakSyncError(), contact.getCreatedAt(), contact.getUpdatedAt());
    }

    public static AuthorizationResponse toResponse(Authorization authorization) {
        return new AuthorizationResponse(authorization.authorized(),
                authorization.reason() == null ? null : authorization.reason().name(), authorization.contactId(),
                authorization.validFrom(), authorization.validUntil());
    }

    public static AuditEntryResponse toResponse(AuditEntry entry) {
        return new AuditEntryResponse(entry.getId(), entry.getSystemId(), entry.getContactId(),
                entry.getAction().name(), entry.getActorUsername(), entry.getActorSubject(), entry.getOccurredAt(),
                json(entry.getStateBefore()), json(entry.getStateAfter()));
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable audit state: " + text, e);
        }
    }
}
