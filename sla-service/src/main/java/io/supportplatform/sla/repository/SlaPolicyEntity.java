package io.supportplatform.sla.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A policy version; a draft until {@code effectiveFrom} is set by its activation. */
@Entity
@Table(name = "sla_policy")
public class SlaPolicyEntity {

    @Id
    public String version;

    @Column(name = "effective_from")
    public Instant effectiveFrom;

    public String description;

    @Column(name = "system_id")
    public String systemId;

    @Column(name = "warning_share")
    public BigDecimal warningShare;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "activated_at")
    public Instant activatedAt;
}
