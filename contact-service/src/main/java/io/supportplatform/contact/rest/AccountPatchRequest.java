package io.supportplatform.contact.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AccountPatch", description = "Terms to change; absent fields keep their value")
public record AccountPatchRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Schema(examples = "EU-DE")
        @Size(max = 32) @Pattern(regexp = Patterns.REGION,
                message = "must be a region code such as EU-DE or US-EAST") String region,
        @Schema(enumeration = { "STANDARD", "PREMIUM" })
        @Pattern(regexp = Patterns.SUPPORT_LEVEL, message = "must be STANDARD or PREMIUM") String supportLevel,
        @Schema(description = "Agreed number of authorized contacts (P12.2)")
        @Min(1) @Max(100) Integer contactQuota,
        @Schema(enumeration = { "ACTIVE", "SUSPENDED" })
        @Pattern(regexp = Patterns.ACCOUNT_STATUS, message = "must be ACTIVE or SUSPENDED") String status) {
}
