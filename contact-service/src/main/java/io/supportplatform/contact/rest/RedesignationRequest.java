package io.supportplatform.contact.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewRedesignation", description = "Contacts to add and to remove from a future date (P12.5). To"
        + " replace a contact, remove it and add its successor in the same redesignation.")
public record RedesignationRequest(
        @Schema(description = "First day (UTC) of the new contacts; the removed ones' authorization ends that day",
                examples = "2027-01-01")
        @NotNull @Future LocalDate effectiveOn,
        @Schema(description = "Contacts to authorize from effectiveOn")
        @Size(max = 100) List<@NotNull @Valid NamedContactRequest> add,
        @Schema(description = "Ids of the account's contacts whose authorization ends on effectiveOn")
        @Size(max = 100) List<@NotNull UUID> remove) {
}
