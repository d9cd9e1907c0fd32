package io.supportplatform.sla.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.sla.domain.SlaPolicy;
import io.supportplatform.sla.repository.PolicyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Policy versions (P16.1): created as drafts, then activated from an instant on. A version can only come
 * into force from now on, never retroactively: tickets keep the version they were filed under, and a
 * version activated for the past would silently re-version them at their next recomputation.
 */
@ApplicationScoped
public class PolicyService {

    private final PolicyRepository policies;
    private final Clock time;

    public PolicyService(PolicyRepository policies, Clock time) {
        this.policies = policies;
        this.time = time;
    }

    @WithSession
    public Uni<List<SlaPolicy>> versions() {
        return policies.versions();
    }

    @WithSession
    public Uni<SlaPolicy> version(String version) {
        return policies.version(version).map(found -> found
                .orElseThrow(() -> ProblemException.notFound("No policy version " + version + ".")));
    }

    /** Stores a validated draft, all or nothing; 409 if the version name is taken. */
    @WithTransaction
    public Uni<SlaPolicy> create(SlaPolicy draft) {
        return policies.version(draft.version()).flatMap(existing -> {
            if (existing.isPresent()) {
                throw ProblemException.conflict("Policy version " + draft.version() + " already exists.");
            }
            return policies.create(draft, time.instant()).replaceWith(draft);
        }).onFailure(PolicyService::isUniqueViolation).transform(e -> ProblemException.conflict(
                "Policy version " + draft.version() + " already exists."));
    }

    /**
     * Activates a draft from {@code effectiveFrom}: 404 unknown, 409 when it is active already, when the
     * instant lies in the past, or when another version for the same accounts starts at the same instant.
     */
    @WithTransaction
    public Uni<SlaPolicy> activate(String version, Instant effectiveFrom) {
        Instant now = time.instant();
        return policies.version(version).flatMap(found -> {
            SlaPolicy draft = found.orElseThrow(() -> ProblemException.notFound("No policy version " + version + "."));
            if (draft.isActive()) {
                throw ProblemException.conflict("Policy version " + version + " is active since "
                        + draft.effectiveFrom() + "; create a new version instead (P16.1).");
            }
            if (effectiveFrom.isBefore(now)) {
                throw ProblemException.conflict("effectiveFrom " + effectiveFrom + " lies in the past: tickets"
                        + " filed since then keep the version they were filed under (P16.1).");
            }
            return policies.clashes(draft.systemId(), effectiveFrom).flatMap(clash -> {
                if (clash) {
                    throw clashAt(effectiveFrom);
                }
                return policies.activate(version, effectiveFrom, now);
            }).flatMap(activated -> {
                if (!activated) {
                    throw ProblemException.conflict("Policy version " + version + " was activated meanwhile.");
                }
                return Uni.createFrom().item(draft.activeFrom(effectiveFrom));
            });
        }).onFailure(PolicyService::isUniqueViolation).transform(e -> clashAt(effectiveFrom));
    }

    private static ProblemException clashAt(Instant effectiveFrom) {
        return ProblemException.conflict("Another policy version for the same accounts comes into force at "
                + effectiveFrom + ".");
    }

    /** A concurrent request won the race to a unique key (SQL state 23505). */
    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException) {
                return false;
            }
            String message = String.valueOf(cause.getMessage());
            if (message.contains("23505") || message.contains("duplicate key")) {
                return true;
            }
        }
        return false;
    }
}
