package io.supportplatform.ticket.mapping;

import java.time.Instant;

import io.supportplatform.ticket.domain.DevelopmentEscalation;
import io.supportplatform.ticket.domain.DevelopmentTracking;
import io.supportplatform.ticket.domain.EscalationRequest;
import io.supportplatform.ticket.domain.LinkedArticle;
import io.supportplatform.ticket.domain.PhoneContact;
import io.supportplatform.ticket.domain.SupportAccessGrant;
import io.supportplatform.ticket.rest.DevelopmentEscalationResponse;
import io.supportplatform.ticket.rest.DevelopmentResponse;
import io.supportplatform.ticket.rest.EscalationRequestResponse;
import io.supportplatform.ticket.rest.LinkedArticleResponse;
import io.supportplatform.ticket.rest.PhoneContactResponse;
import io.supportplatform.ticket.rest.SupportAccessResponse;

/** Between the REST representations and the domain, for working a ticket. */
public final class WorkMapper {

    private WorkMapper() {
    }

    public static DevelopmentResponse toResponse(DevelopmentTracking development) {
        return new DevelopmentResponse(development.isEscalated(), development.getRounds(),
                development.getEstimatedFixDate().orElse(null),
                development.getHotfixStatus().map(Enum::name).orElse(null),
                development.getHotfixVersion().orElse(null), development.getHotfixReleasedAt().orElse(null),
                development.getHotfixVerifiedAt().orElse(null));
    }

    public static DevelopmentEscalationResponse toResponse(DevelopmentEscalation round) {
        return new DevelopmentEscalationResponse(round.getId(), round.getTicketId(), round.getRound(),
                round.getReason(), round.getDevelopmentReference(), round.getEscalatedBy(), round.getEscalatedAt());
    }

    public static LinkedArticleResponse toResponse(LinkedArticle link) {
        return new LinkedArticleResponse(link.getArticleId(), link.getLinkedBy(), link.getLinkedAt());
    }

    public static EscalationRequestResponse toResponse(EscalationRequest request) {
        return new EscalationRequestResponse(request.getId(), request.getTicketId(), request.getKind().name(),
                request.getMessage().orElse(null), request.getRequestedBy(), request.getRequestedAt());
    }

    /** The summary may carry support's diagnosis: only support staff read it. */
    public static PhoneContactResponse toResponse(PhoneContact call, boolean staff) {
        return new PhoneContactResponse(call.getId(), call.getTicketId(), call.getTier().name(),
                call.getDirection().name(), call.getCalledAt(), call.getContactName(),
                staff ? call.getSummary().orElse(null) : null, call.getLoggedBy(), call.getLoggedAt());
    }

    public static SupportAccessResponse toResponse(SupportAccessGrant grant, Instant now) {
        SupportAccessGrant.State state = grant.stateAt(now);
        return new SupportAccessResponse(grant.getId(), grant.getTicketId(), grant.getScope(), grant.getGrantedBy(),
                grant.getGrantedAt(), grant.getExpiresAt(), grant.getRevokedBy().orElse(null),
                grant.getRevokedAt().orElse(null), state.name(), state == SupportAccessGrant.State.ACTIVE);
    }
}
