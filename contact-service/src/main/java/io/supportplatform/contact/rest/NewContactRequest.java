package io.supportplatform.contact.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewContact", description = "An authorized contact as named by the customer in writing (P12.4)")
@UntilAfterFrom
public record NewContactRequest(
        @NotBlank @Size(max = 200) String name,
        @Schema(examples = "anna.berger@example.com")
        @NotBlank @Size(max = 254) @Email(regexp = Patterns.EMAIL_DOMAIN) String email,
        @Schema(description = "Direct phone number in E.164 form (P12.4)", examples = "+4930123456789")
        @NotNull @Pattern(regexp = Patterns.PHONE, message = "must be in E.164 form: + and 8 to 15 digits")
        String phone,
        @Schema(description = "Preferred language", enumeration = { "de", "en" })
        @NotNull @Pattern(regexp = Patterns.LANGUAGE, message = "must be de or en") String language,
        @Schema(description = "Id of the contact's Keycloak user, once one exists")
        @Size(max = 255) String keycloakUserId,
        @Schema(description = "First day of the authorization", examples = "2026-01-01")
        @NotNull LocalDate authorizedFrom,
        @Schema(description = "Day the authorization ends (exclusive); absent: until further notice")
        LocalDate authorizedUntil,
        @Schema(description = "PROVISION: create the person's Keycloak user in realm support if none has this e-mail"
                + " address, and make it a customer of the account; LINK: make the existing user (keycloakUserId, else"
                + " by e-mail address) one. Done by a background job: see keycloakSync in the answer.",
                enumeration = { "PROVISION", "LINK" })
        @Pattern(regexp = "PROVISION|LINK", message = "must be PROVISION or LINK") String keycloak) {
}
