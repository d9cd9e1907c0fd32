package io.supportplatform.ticket.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.ticket.config.WorkConfig;
import io.supportplatform.ticket.domain.Requester;
import io.supportplatform.ticket.domain.SupportAccessGrant;
import io.supportplatform.ticket.repository.SupportAccessGrantRepository;

/**
 * The customer's grants of support access to their system for a ticket (P7.1). No event is published: no other
 * service acts on grants, and support reads them from the ticket (documented in deploy/contracts/README.md).
 */
@ApplicationScoped
public class SupportAccessService {

    private final TicketAccess access;
    private final SupportAccessGrantRepository grants;
    private final WorkConfig config;

    public SupportAccessService(TicketAccess access, SupportAccessGrantRepository grants, WorkConfig config) {
        this.access = access;
        this.grants = grants;
        this.config = config;
    }

    /**
     * Records the customer contact's grant, ending at {@code expiresAt}: later than now, and no later than
     * {@code ticket.work.support-access-max-duration} from now. A closed ticket takes none (409).
     */
    public Uni<SupportAccessGrant> grant(String id, String scope, Instant expiresAt, Requester requester) {
        Instant now = TicketAccess.now();
        if (!expiresAt.isAfter(now)) {
            return Uni.createFrom().failure(ProblemException.badRequest("expiresAt", "Future",
                    "must lie in the future"));
        }
        if (expiresAt.isAfter(now.plus(config.supportAccessMaxDuration()))) {
            return Uni.createFrom().failure(ProblemException.badRequest("expiresAt", "MaxDuration",
                    "must be at most " + config.supportAccessMaxDuration().toDays() + " days from now"));
        }
        return Panache.withTransaction(() -> access.lockVisible(id, requester).flatMap(ticket -> {
            TicketAccess.refuseWhenClosed(ticket, "worked on");
            return grants.persist(new SupportAccessGrant(ticket.getId(), scope, requester.username(), now,
                    expiresAt));
        }));
    }

    /** The customer ends a grant before its expiry; an expired or revoked one is 409. */
    public Uni<SupportAccessGrant> revoke(String id, String grantId, Requester requester) {
        Instant now = TicketAccess.now();
        return Panache.withTransaction(() -> access.findVisible(id, requester)
                .flatMap(ticket -> parse(grantId)
                        .flatMap(uuid -> grants.findForUpdate(ticket.getId(), uuid))
                        .map(grant -> {
                            if (grant == null) {
                                throw grantNotFound(grantId);
                            }
                            SupportAccessGrant.State state = grant.stateAt(now);
                            if (state != SupportAccessGrant.State.ACTIVE) {
                                throw ProblemException.conflict("Support access " + grantId + " is already "
                                        + state + ".");
                            }
                            grant.revoke(requester.username(), now);
                            return grant;
                        })));
    }

    /** The ticket's grants, oldest first; {@code activeOnly} leaves out the expired and revoked ones. */
    @WithSession
    public Uni<List<SupportAccessGrant>> grants(String id, boolean activeOnly, Requester requester) {
        Instant now = TicketAccess.now();
        return access.findVisible(id, requester).flatMap(ticket -> grants.of(ticket.getId()))
                .map(all -> activeOnly
                        ? all.stream().filter(grant -> grant.stateAt(now) == SupportAccessGrant.State.ACTIVE).toList()
                        : all);
    }

    private static Uni<UUID> parse(String grantId) {
        try {
            return Uni.createFrom().item(UUID.fromString(grantId));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(grantNotFound(grantId));
        }
    }

    private static ProblemException grantNotFound(String grantId) {
        return ProblemException.notFound("No support access " + grantId + " on this ticket.");
    }
}
