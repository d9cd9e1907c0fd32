package io.supportplatform.sla.repository;

import io.supportplatform.sla.domain.ClockType;
import io.supportplatform.sla.domain.Counting;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One response target of a policy version: clock type and severity to minutes, counted 24/7 or in business hours. */
@Entity
@Table(name = "sla_target")
@IdClass(SlaTargetEntity.Key.class)
public class SlaTargetEntity {

    @Id
    @Column(name = "policy_version")
    public String policyVersion;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "clock_type")
    public ClockType clockType;

    @Id
    public short severity;

    @Column(name = "target_minutes")
    public int targetMinutes;

    @Enumerated(EnumType.STRING)
    public Counting counting;

    public static class Key implements Serializable {
        public String policyVersion;
        public ClockType clockType;
        public short severity;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && severity == key.severity
                    && Objects.equals(policyVersion, key.policyVersion) && clockType == key.clockType;
        }

        @Override
        public int hashCode() {
            return Objects.hash(policyVersion, clockType, severity);
        }
    }
}
