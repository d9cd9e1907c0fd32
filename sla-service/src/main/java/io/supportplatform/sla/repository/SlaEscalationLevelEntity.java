package io.supportplatform.sla.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One escalation level of a policy version (P13). */
@Entity
@Table(name = "sla_escalation_level")
@IdClass(SlaEscalationLevelEntity.Key.class)
public class SlaEscalationLevelEntity {

    @Id
    @Column(name = "policy_version")
    public String policyVersion;

    @Id
    public short level;

    @Column(name = "after_breach_seconds")
    public long afterBreachSeconds;

    public String audience;

    public static class Key implements Serializable {
        public String policyVersion;
        public short level;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && level == key.level && Objects.equals(policyVersion, key.policyVersion);
        }

        @Override
        public int hashCode() {
            return Objects.hash(policyVersion, level);
        }
    }
}
