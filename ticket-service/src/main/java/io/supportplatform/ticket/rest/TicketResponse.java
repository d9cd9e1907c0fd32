package io.supportplatform.ticket.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.supportplatform.ticket.domain.AffectedDevice;
import io.supportplatform.ticket.domain.EligibilityFlag;
import io.supportplatform.ticket.domain.PlatformVersion;
import io.supportplatform.ticket.domain.ProductVersion;

@Schema(name = "Ticket")
public record TicketResponse(
        UUID id,
        @Schema(description = "The official reference to quote in every reply (P6.1)", examples = "TCK-2026-000042")
        String ticketNumber,
        String systemId,
        int severity,
        String subject,
        String description,
        String status,
        String channel,
        String region,
        String licenseCode,
        List<ProductVersion> products,
        List<PlatformVersion> platforms,
        String environment,
        String reproductionSteps,
        List<AffectedDevice> affectedDevices,
        List<String> errorMessages,
        String desiredResult,
        String specialCircumstances,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The support queue the ticket waits in, e.g. FIRST_LEVEL, TIER2, DEVELOPMENT")
        String queue,
        @Schema(description = "Username of the support user working the ticket; null while nobody is")
        String assignee,
        @Schema(description = "Escalation to development (P10) and the hotfix (P11) as the customer may see them")
        DevelopmentResponse development,
        @Schema(description = "Accepted but flagged (P5.c, P14.e, P15.f, P15.g): why support may not be owed; empty "
                + "when nothing was found")
        List<EligibilityFlag> eligibilityFlags,
        @Schema(description = "Knowledge-base articles the customer was shown before filing (P14.b)")
        List<String> suggestedArticleIds,
        @Schema(description = "The product's log excerpt of an in-product filing (P2.1, P5.g)")
        String logExcerpt) {
}
