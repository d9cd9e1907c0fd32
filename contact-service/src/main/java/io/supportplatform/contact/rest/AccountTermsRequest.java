package io.supportplatform.contact.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AccountTerms", description = "All changeable terms of an account (PUT replaces them all)")
public record AccountTermsRequest(
        @NotBlank @Size(max = 200) String name,
        @Schema(examples = "EU-DE")
        @NotNull @Size(max = 32) @Pattern(regexp = Patterns.REGION,
                message = "must be a region code such as EU-DE or US-EAST") String region,
        @Schema(enumeration = { "STANDARD", "PREMIUM" })
        @NotNull @Pattern(regexp = Patterns.SUPPORT_LEVEL, message = "must be STANDARD or PREMIUM") String supportLevel,
        @Schema(description = "Agreed number of authorized contacts (P12.2)")
        @NotNull @Min(1) @Max(100) Integer contactQuota,
        @Schema(enumeration = { "ACTIVE", "SUSPENDED" })
        @NotNull @Pattern(regexp = Patterns.ACCOUNT_STATUS, message = "must be ACTIVE or SUSPENDED") String status) {
}
