package io.supportplatform.contact.service;

import java.time.LocalDate;

import io.supportplatform.contact.domain.Language;

/** A contact as the customer named it in writing (P12.4), already validated; until may be null. */
public record NewContact(String name, String email, String phone, Language language, String keycloakUserId,
        LocalDate authorizedFrom, LocalDate authorizedUntil) {
}
