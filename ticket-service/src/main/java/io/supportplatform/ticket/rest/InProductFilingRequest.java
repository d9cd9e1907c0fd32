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

/**
 * What the product's "Request Support" button sends (P2.1): its own diagnostic payload, which carries most P5
 * items, plus the few fields the customer types. Limits match {@link NewTicketRequest}'s for the same items.
 */
@Schema(name = "InProductFiling", description = "A support request from the product's \"Request Support\" button (P2.1)")
public record InProductFilingRequest(
        @Schema(description = "1 critical, 2 high, 3 normal, 4 low (P8), as the customer chose it", examples = "2")
        @NotNull @Min(1) @Max(4) Integer severity,
        @NotBlank @Size(max = 200) String subject,
        @Schema(description = "The customer's description of the problem (P5.i)")
        @NotBlank @Size(max = 20000) String description,
        @Schema(description = "Optional: what triggers the problem (P5.e); severities may require it (ticket.filing.required)")
        @Size(max = 20000) String reproductionSteps,
        @Schema(description = "Optional: the result the customer wants (P5.i); severities may require it")
        @Size(max = 20000) String desiredResult,
        @Schema(description = "Collected by the product, not typed by the customer")
        @NotNull @Valid Diagnostics diagnostics,
        @Schema(description = "Knowledge-base articles the product showed before the customer filed (P14.b)")
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> suggestedArticleIds) {

    /** The largest log excerpt stored with a ticket; whole log files are attachments. */
    public static final int LOG_EXCERPT_MAX = 65536;

    @Schema(name = "ProductDiagnostics")
    public record Diagnostics(
            @Schema(description = "From the product's login page (P5.a)", examples = "100001")
            @NotNull @Pattern(regexp = "\\d{6}", message = "must be exactly six digits") String systemId,
            @Schema(description = "The installed license code (P5.a)", examples = "100001-AB12-CD34")
            @Pattern(regexp = "\\d{6}[0-9A-Za-z-]{0,58}", message = "must start with the six-digit system ID")
            String licenseCode,
            @NotNull @Valid Product product,
            @NotNull @Valid Platform platform,
            @Schema(description = "The affected client (P5.f)") @NotBlank @Size(max = 100) String groupId,
            @NotBlank @Size(max = 100) String deviceId,
            @Schema(description = "The most recent error messages, exact text (P5.h)")
            @Size(max = 100) List<@NotBlank @Size(max = 4000) String> recentErrors,
            @Schema(description = "The tail of the product's log (P5.g), at most 65536 characters")
            @Size(max = LOG_EXCERPT_MAX) String logExcerpt) {
    }

    @Schema(name = "ProductInstallation")
    public record Product(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String version,
            @Schema(description = "The installed patch level (P5.b), absent when none is installed", examples = "7.2.1")
            @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String patchLevel) {
    }

    @Schema(name = "ProductPlatform")
    public record Platform(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String version) {
    }
}
