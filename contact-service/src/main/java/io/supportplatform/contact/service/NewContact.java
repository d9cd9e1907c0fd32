package io.supportplatform.contact.service;

import java.time.LocalDate;

import io.supportplatform.contact.domain.KeycloakAction;
import io.supportplatform.contact.domain.Language;

/**
 * A contact as the customer named it in writing (P12.4), already validated; until may be null. {@code keycloak}:
 * provision or link the person's Keycloak user (PROVISION or LINK), null for neither.
 */
public record NewContact(String name, String email, String phone, Language language, String keycloakUserId,
        LocalDate authorizedFrom, LocalDate authorizedUntil, KeycloakAction keycloak) {
}
