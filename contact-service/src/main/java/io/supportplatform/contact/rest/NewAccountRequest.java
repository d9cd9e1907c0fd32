package io.supportplatform.contact.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewAccount", description = "A customer account as agreed at purchase")
@LicenseCodeOfSystemId
public record NewAccountRequest(
        @Schema(description = "System ID assigned at purchase, the account's id (P5.a)", examples = "100001")
        @NotNull @Pattern(regexp = Patterns.SYSTEM_ID, message = "must be exactly six digits") String systemId,
        @Schema(description = "License code; its first six digits are the system ID (P5.a)",
                examples = "100001-7F3A-22C9")
        @Size(max = 64) @Pattern(regexp = Patterns.LICENSE_CODE,
                message = "must be six digits followed by letters, digits or dashes") String licenseCode,
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "Region code", examples = "EU-DE")
        @NotNull @Size(max = 32) @Pattern(regexp = Patterns.REGION,
                message = "must be a region code such as EU-DE or US-EAST") String region,
        @Schema(description = "Support contract level", enumeration = { "STANDARD", "PREMIUM" })
        @NotNull @Pattern(regexp = Patterns.SUPPORT_LEVEL, message = "must be STANDARD or PREMIUM") String supportLevel,
        @Schema(description = "Agreed number of authorized contacts (P12.2)", examples = "3")
        @NotNull @Min(1) @Max(100) Integer contactQuota) {
}
