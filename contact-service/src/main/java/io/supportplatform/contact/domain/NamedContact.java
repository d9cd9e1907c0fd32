package io.supportplatform.contact.domain;

/**
 * A new contact named in a redesignation (P12.4, P12.5): authorized from the redesignation's effective date
 * until further notice. {@code keycloakUserId} is null when the person has no Keycloak user yet; {@code keycloak} says whether to provision
 * or link one ({@link KeycloakAction} PROVISION or LINK), null for neither.
 */
public record NamedContact(String name, String email, String phone, String language, String keycloakUserId,
        String keycloak) {
}
