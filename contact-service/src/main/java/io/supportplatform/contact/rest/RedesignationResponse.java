package io.supportplatform.contact.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Redesignation")
public record RedesignationResponse(
        UUID id,
        String systemId,
        LocalDate effectiveOn,
        @Schema(enumeration = { "PENDING", "APPLIED", "FAILED", "WITHDRAWN" }) String status,
        List<NamedContactRequest> add,
        List<UUID> remove,
        String submittedBy,
        Instant submittedAt,
        @Schema(description = "When it was applied, failed or withdrawn") Instant settledAt,
        String settledBy,
        @Schema(description = "Why it could not take effect (status FAILED)") String failureReason,
        long version) {
}
