package io.supportplatform.contact.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

@Schema(name = "AuditEntry", description = "One change to an account or one of its contacts (P12.4)")
public record AuditEntryResponse(
        UUID id,
        String systemId,
        @Schema(description = "The contact changed; absent for changes of the account itself") UUID contactId,
        @Schema(enumeration = { "ACCOUNT_OPENED", "ACCOUNT_TERMS_CHANGED", "ACCOUNT_STATUS_CHANGED",
                "CONTACT_AUTHORIZED", "CONTACT_REVOKED", "REDESIGNATION_SUBMITTED", "REDESIGNATION_WITHDRAWN",
                "REDESIGNATION_APPLIED", "REDESIGNATION_FAILED" }) String action,
        @Schema(description = "Who made the change: token preferred_username") String actor,
        @Schema(description = "Who made the change: token sub, the Keycloak user id") String actorSubject,
        Instant occurredAt,
        @Schema(type = SchemaType.OBJECT, description = "State before; null when the change created the record")
        JsonNode before,
        @Schema(type = SchemaType.OBJECT, description = "State after") JsonNode after) {
}
