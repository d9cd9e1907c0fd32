package io.supportplatform.contact.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.OptimisticLock;

/**
 * A customer account, identified by its system ID (P5.a), with the number of authorized contacts agreed
 * with the vendor (P12.2).
 */
@Entity
@Table(name = "customer_account")
public class CustomerAccount {

    @Id
    @Column(name = "system_id", updatable = false)
    private String systemId;

    @Column(name = "license_code", updatable = false)
    private String licenseCode;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String region;

    @Enumerated(EnumType.STRING)
    @Column(name = "support_level", nullable = false)
    private SupportLevel supportLevel;

    @Column(name = "contact_quota", nullable = false)
    private int contactQuota;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /**
     * Sequence number of the last event published about this account or its contacts (CloudEvent
     * data.sequence). Handing one out is no change to the account, so it leaves the version alone.
     */
    @OptimisticLock(excluded = true)
    @Column(name = "last_event_sequence", nullable = false)
    private long lastEventSequence;

    @Version
    private long version;

    protected CustomerAccount() {
        // for Hibernate
    }

    /** A new, active account. The license code, when known, starts with the system ID (P5.a). */
    public static CustomerAccount open(String systemId, String licenseCode, String name, String region,
            SupportLevel supportLevel, int contactQuota, Instant now) {
        CustomerAccount account = new CustomerAccount();
        account.systemId = systemId;
        account.licenseCode = licenseCode;
        account.name = name;
        account.region = region;
        account.supportLevel = supportLevel;
        account.contactQuota = contactQuota;
        account.status = AccountStatus.ACTIVE;
        account.createdAt = now;
        account.updatedAt = now;
        return account;
    }

    /** Changes the account's terms; the caller has checked the quota against the current contacts. */
    public void change(AccountTerms terms, Instant now) {
        this.name = terms.name();
        this.region = terms.region();
        this.supportLevel = terms.supportLevel();
        this.contactQuota = terms.contactQuota();
        this.status = terms.status();
        this.updatedAt = now;
    }

    /** Hands out the per-account sequence number for the next event about the account or its contacts. */
    public long nextEventSequence() {
        return ++lastEventSequence;
    }

    public String getSystemId() {
        return systemId;
    }

    public String getLicenseCode() {
        return licenseCode;
    }

    public String getName() {
        return name;
    }

    public String getRegion() {
        return region;
    }

    public SupportLevel getSupportLevel() {
        return supportLevel;
    }

    public int getContactQuota() {
        return contactQuota;
    }

    public AccountStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
