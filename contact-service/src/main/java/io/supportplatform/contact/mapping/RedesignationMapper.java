package io.supportplatform.contact.mapping;

import java.util.List;

import io.supportplatform.contact.domain.ContactChanges;
import io.supportplatform.contact.domain.NamedContact;
import io.supportplatform.contact.domain.Redesignation;
import io.supportplatform.contact.rest.NamedContactRequest;
import io.supportplatform.contact.rest.RedesignationRequest;
import io.supportplatform.contact.rest.RedesignationResponse;

/** Between the redesignation representations (validated) and the domain. */
public final class RedesignationMapper {

    private RedesignationMapper() {
    }

    public static ContactChanges toChanges(RedesignationRequest request) {
        List<NamedContact> additions = request.add() == null ? List.of() : request.add().stream()
                .map(named -> new NamedContact(named.name().strip(), named.email(), named.phone(), named.language(),
                        named.keycloakUserId(), named.keycloak()))
                .toList();
        return new ContactChanges(request.effectiveOn(), additions,
                request.remove() == null ? List.of() : request.remove());
    }

    public static RedesignationResponse toResponse(Redesignation change, ContactChanges changes) {
        return new RedesignationResponse(change.getId(), change.getSystemId(), change.getEffectiveOn(),
                change.getStatus().name(),
                changes.additions().stream().map(named -> new NamedContactRequest(named.name(), named.email(),
                        named.phone(), named.language(), named.keycloakUserId(), named.keycloak())).toList(),
                changes.removals(), change.getSubmittedBy(), change.getSubmittedAt(), change.getSettledAt(),
                change.getSettledBy(), change.getFailureReason(), change.getVersion());
    }
}
