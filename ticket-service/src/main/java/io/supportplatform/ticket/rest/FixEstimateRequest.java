package io.supportplatform.ticket.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FixEstimate", description = "The estimated fix date the customer is told (P11.1)")
public record FixEstimateRequest(@Schema(examples = "2026-12-15") @NotNull LocalDate estimatedFixDate) {
}
