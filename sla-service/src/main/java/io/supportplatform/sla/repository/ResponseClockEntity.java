package io.supportplatform.sla.repository;

import io.supportplatform.sla.domain.ClockState;
import io.supportplatform.sla.domain.ClockType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A stored response clock (read side; rows are written by {@link ResponseClockRepository#replace}). */
@Entity
@Table(name = "response_clock")
@IdClass(ResponseClockEntity.Key.class)
public class ResponseClockEntity {

    @Id
    @Column(name = "ticket_id")
    public UUID ticketId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "clock_type")
    public ClockType clockType;

    @Id
    public int cycle;

    @Column(name = "ticket_number")
    public String ticketNumber;

    @Column(name = "system_id")
    public String systemId;

    @Enumerated(EnumType.STRING)
    public ClockState state;

    public short severity;

    @Column(name = "policy_version")
    public String policyVersion;

    @Column(name = "target_seconds")
    public long targetSeconds;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "running_since")
    public Instant runningSince;

    @Column(name = "counted_seconds")
    public long countedSeconds;

    public Instant deadline;

    @Column(name = "warning_at")
    public Instant warningAt;

    @Column(name = "calendar_region")
    public String calendarRegion;

    @Column(name = "breached_at")
    public Instant breachedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** The clock's transitions as a JSON array ({@link ResponseClockRepository}). */
    public String history;

    public static class Key implements Serializable {
        public UUID ticketId;
        public ClockType clockType;
        public int cycle;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && cycle == key.cycle
                    && Objects.equals(ticketId, key.ticketId) && clockType == key.clockType;
        }

        @Override
        public int hashCode() {
            return Objects.hash(ticketId, clockType, cycle);
        }
    }
}
