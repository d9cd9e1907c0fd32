package io.supportplatform.sla.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.supportplatform.sla.domain.ClockType;
import io.supportplatform.sla.domain.EscalationLevel;
import io.supportplatform.sla.domain.Severity;
import io.supportplatform.sla.domain.SlaPolicies;
import io.supportplatform.sla.domain.SlaPolicy;
import io.supportplatform.sla.domain.SlaTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Policy versions with their targets and escalation levels, drafts included. */
@ApplicationScoped
public class PolicyRepository {

    /** The activated versions, as the clocks use them. */
    public Uni<SlaPolicies> all() {
        return versions().map(versions -> new SlaPolicies(versions));
    }

    /** Every version, drafts included, ordered by version name. */
    public Uni<List<SlaPolicy>> versions() {
        return Panache.getSession().flatMap(session -> session
                .createQuery("from SlaPolicyEntity order by version", SlaPolicyEntity.class).getResultList()
                .flatMap(policies -> session.createQuery("from SlaTargetEntity", SlaTargetEntity.class).getResultList()
                        .flatMap(targets -> session
                                .createQuery("from SlaEscalationLevelEntity", SlaEscalationLevelEntity.class)
                                .getResultList()
                                .map(levels -> policies.stream().map(policy -> toDomain(policy, targets, levels))
                                        .toList()))));
    }

    public Uni<Optional<SlaPolicy>> version(String version) {
        return versions().map(all -> all.stream().filter(policy -> policy.version().equals(version)).findFirst());
    }

    /** Stores a new draft with its targets and levels; flushed so a clash fails inside the caller's transaction. */
    public Uni<Void> create(SlaPolicy draft, Instant now) {
        SlaPolicyEntity policy = new SlaPolicyEntity();
        policy.version = draft.version();
        policy.description = draft.description();
        policy.systemId = draft.systemId();
        policy.warningShare = BigDecimal.valueOf(draft.warningShare());
        policy.createdAt = now;
        return Panache.getSession().flatMap(session -> session.persist(policy)
                .chain(session::flush)
                .chain(() -> session.persistAll(targetsOf(draft).toArray()))
                .chain(() -> session.persistAll(levelsOf(draft).toArray()))
                .chain(session::flush));
    }

    /**
     * Activates a draft from {@code effectiveFrom}.
     *
     * @return false when the version is not a draft (any more)
     */
    public Uni<Boolean> activate(String version, Instant effectiveFrom, Instant now) {
        return Panache.getSession().flatMap(session -> session.createMutationQuery("""
                        update SlaPolicyEntity set effectiveFrom = :effectiveFrom, activatedAt = :now
                        where version = :version and effectiveFrom is null""")
                .setParameter("effectiveFrom", effectiveFrom)
                .setParameter("now", now)
                .setParameter("version", version)
                .executeUpdate()
                .map(updated -> updated == 1));
    }

    /** Whether another version for the same accounts comes into force at exactly this instant. */
    public Uni<Boolean> clashes(String systemId, Instant effectiveFrom) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery("""
                        select count(*) from SlaPolicyEntity
                        where effectiveFrom = :effectiveFrom
                          and coalesce(systemId, '') = coalesce(:systemId, '')""", Long.class)
                .setParameter("effectiveFrom", effectiveFrom)
                .setParameter("systemId", systemId == null ? "" : systemId)
                .getSingleResult()
                .map(count -> count > 0));
    }

    private static List<SlaTargetEntity> targetsOf(SlaPolicy policy) {
        return policy.targets().entrySet().stream()
                .flatMap(byType -> byType.getValue().entrySet().stream().map(bySeverity -> {
                    SlaTargetEntity target = new SlaTargetEntity();
                    target.policyVersion = policy.version();
                    target.clockType = byType.getKey();
                    target.severity = (short) bySeverity.getKey().level();
                    target.targetMinutes = (int) bySeverity.getValue().duration().toMinutes();
                    target.counting = bySeverity.getValue().counting();
                    return target;
                }))
                .toList();
    }

    private static List<SlaEscalationLevelEntity> levelsOf(SlaPolicy policy) {
        return policy.escalationLevels().stream().map(level -> {
            SlaEscalationLevelEntity entity = new SlaEscalationLevelEntity();
            entity.policyVersion = policy.version();
            entity.level = (short) level.level();
            entity.afterBreachSeconds = level.afterBreach().toSeconds();
            entity.audience = level.audience();
            return entity;
        }).toList();
    }

    private static SlaPolicy toDomain(SlaPolicyEntity policy, List<SlaTargetEntity> targets,
            List<SlaEscalationLevelEntity> levels) {
        Map<ClockType, Map<Severity, SlaTarget>> byType = new EnumMap<>(ClockType.class);
        targets.stream().filter(target -> target.policyVersion.equals(policy.version))
                .forEach(target -> byType.computeIfAbsent(target.clockType, type -> new EnumMap<>(Severity.class))
                        .put(Severity.ofLevel(target.severity),
                                new SlaTarget(Duration.ofMinutes(target.targetMinutes), target.counting)));
        List<EscalationLevel> escalation = levels.stream()
                .filter(level -> level.policyVersion.equals(policy.version))
                .map(level -> new EscalationLevel(level.level, Duration.ofSeconds(level.afterBreachSeconds),
                        level.audience))
                .toList();
        return new SlaPolicy(policy.version, policy.effectiveFrom, policy.systemId, policy.description, byType,
                policy.warningShare.doubleValue(), escalation);
    }
}
