package io.supportplatform.ticket.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Assignment", description = "The queue to put the ticket in and who works it")
public record AssignmentRequest(
        @Schema(description = "One of the configured queues (ticket.work.queues)", examples = "TIER2")
        @NotBlank String queue,
        @Schema(description = "Username of a support user; null or absent: nobody. Only the format is checked: "
                + "there is no user directory to look it up in", examples = "alex")
        @Pattern(regexp = SUPPORT_USERNAME, message = "must be a username: 1-64 lowercase letters, digits, "
                + "'.', '_', '-' or '@', starting with a letter or digit") String assignee) {

    /** Keycloak stores usernames in lower case. */
    static final String SUPPORT_USERNAME = "^[a-z0-9][a-z0-9._@-]{0,63}$";
}
