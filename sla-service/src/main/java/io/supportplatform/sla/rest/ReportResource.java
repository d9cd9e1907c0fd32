package io.supportplatform.sla.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.supportplatform.sla.mapping.Violations;
import io.supportplatform.sla.repository.ComplianceRepository.Grouping;
import io.supportplatform.sla.service.ReportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sla/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportResource {

    private final ReportService reports;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final Clock time;

    public ReportResource(ReportService reports, SecurityIdentity identity, JsonWebToken token, Clock time) {
        this.reports = reports;
        this.identity = identity;
        this.token = token;
        this.time = time;
    }

    @GET
    @Path("/compliance")
    @RolesAllowed({Roles.CUSTOMER, Roles.AGENT, Roles.TIER2, Roles.SUPERVISOR, Roles.OPS, Roles.ADMIN})
    @Operation(summary = "Met and breached response promises per severity or account over a period",
            description = "Clocks started in [from, to); from/to as RFC 3339 UTC timestamps or dates (UTC midnight)."
                    + " Customers get their own account only.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "Invalid period or grouping, each field named",
            content = @Content(mediaType = "application/problem+json"))
    public Uni<ComplianceReport> compliance(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy) {
        Violations violations = new Violations();
        Instant start = instant(from, "from", violations);
        Instant end = instant(to, "to", violations);
        if (start != null && end != null && !start.isBefore(end)) {
            violations.add("to", "After", "must lie after from");
        }
        Grouping grouping = null;
        try {
            grouping = Grouping.valueOf((groupBy == null ? "severity" : groupBy).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add("groupBy", "Enum", "must be severity or account");
        }
        violations.throwIfAny();
        Instant now = time.instant();
        String grouped = grouping.name().toLowerCase(Locale.ROOT);
        return reports.compliance(start, end, now, grouping, Viewers.of(identity, token))
                .map(rows -> new ComplianceReport(start, end, grouped, now,
                        rows.stream().map(ComplianceReport.Group::of).toList()));
    }

    private static Instant instant(String text, String field, Violations violations) {
        if (text == null || text.isBlank()) {
            violations.add(field, "NotBlank", "is required: a timestamp such as 2026-11-01T00:00:00Z or a date 2026-11-01");
            return null;
        }
        try {
            return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(field, "Instant", "must be a timestamp such as 2026-11-01T00:00:00Z or a date 2026-11-01");
            return null;
        }
    }
}
