package io.supportplatform.ticket.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewTicket", description = "A support request as filed by a customer or on their behalf (P2.2, P5)")
public record NewTicketRequest(
        @Schema(description = "System ID of the customer account (P5.a)", examples = "100001")
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be exactly six digits") String systemId,
        @Schema(description = "1 critical, 2 high, 3 normal, 4 low (P8)", examples = "2")
        @NotNull @Min(1) @Max(4) Integer severity,
        @NotBlank @Size(max = 200) String subject,
        @Schema(description = "Detailed description of the problem and the desired result (P5.i)")
        @NotBlank @Size(max = 20000) String description) {
}
