package io.supportplatform.ticket.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.supportplatform.ticket.domain.Channel;

/**
 * A filing with the items of P5. Which of the optional items a severity demands is configuration
 * ({@link RequiredAtSeverity}); every problem with the request comes back in one 400.
 */
@Schema(name = "NewTicket", description = "A support request as filed by a customer or on their behalf (P2.2, P5)")
@RequiredAtSeverity
@LicenseMatchesSystemId
public record NewTicketRequest(
        @Schema(description = "System ID of the customer account (P5.a)", examples = "100001")
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be exactly six digits") String systemId,
        @Schema(description = "1 critical, 2 high, 3 normal, 4 low (P8)", examples = "2")
        @NotNull @Min(1) @Max(4) Integer severity,
        @NotBlank @Size(max = 200) String subject,
        @Schema(description = "Detailed description of the problem (P5.i)")
        @NotBlank @Size(max = 20000) String description,
        @Schema(description = "Products with versions and applied patches (P5.b)")
        @Size(max = 50) List<@NotNull @Valid Product> products,
        @Schema(description = "Platforms the product runs on, with versions (P5.c)")
        @Size(max = 50) List<@NotNull @Valid Platform> platforms,
        @Schema(description = "General description of the operating environment (P5.d)")
        @Size(max = 20000) String environment,
        @Schema(description = "A reproducible test case: what triggers the problem (P5.e)")
        @Size(max = 20000) String reproductionSteps,
        @Schema(description = "Group and device ids of the affected clients (P5.f)")
        @Size(max = 500) List<@NotNull @Valid Device> affectedDevices,
        @Schema(description = "The exact wording of every error message (P5.h)")
        @Size(max = 100) List<@NotBlank @Size(max = 4000) String> errorMessages,
        @Schema(description = "The result the customer wants (P5.i)")
        @Size(max = 20000) String desiredResult,
        @Schema(description = "Special circumstances under which the problem occurred (P5.j)")
        @Size(max = 20000) String specialCircumstances,
        @Schema(description = "The customer's region", examples = "EMEA")
        @Pattern(regexp = "[A-Z][A-Z0-9_-]{1,31}", message = "must be an upper-case region code such as EMEA")
        String region,
        @Schema(description = "How the request is filed (P2.1); API when absent")
        Channel channel,
        @Schema(description = "License code; its first six digits are the system ID (P5.a)", examples = "100001-AB12-CD34")
        @Pattern(regexp = "\\d{6}[0-9A-Za-z-]{0,58}", message = "must start with the six-digit system ID")
        String licenseCode,
        @Schema(description = "Knowledge-base articles the customer was shown before filing (P14.b, P1.2), as shown",
                examples = "[\"kb-login-e401\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> suggestedArticleIds) {

    @Schema(name = "Product")
    public record Product(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String version,
            @Schema(description = "Every maintenance update and patch applied")
            @Size(max = 200) List<@NotBlank @Size(max = 100) String> patches) {
    }

    @Schema(name = "Platform")
    public record Platform(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String version) {
    }

    @Schema(name = "AffectedDevice")
    public record Device(
            @NotBlank @Size(max = 100) String groupId,
            @NotBlank @Size(max = 100) String deviceId) {
    }
}
