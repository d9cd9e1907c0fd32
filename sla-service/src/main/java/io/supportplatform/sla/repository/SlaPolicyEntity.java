package io.supportplatform.sla.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "sla_policy")
public class SlaPolicyEntity {

    @Id
    public String version;

    @Column(name = "effective_from")
    public Instant effectiveFrom;

    public String description;
}
