package io.supportplatform.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What tickets need to know of a customer account (read model of contact-service's
 * {@code customer-account-changed}): whether it is active. Written only by the event consumer.
 */
@Entity
@Table(name = "customer_account")
public class CustomerAccount {

    @Id
    @Column(name = "system_id")
    private String systemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AccountStatus status;

    @Column(nullable = false)
    private String name;

    protected CustomerAccount() {
        // for Hibernate
    }

    /** For a decision without the database, e.g. in tests of {@link FilingAuthorization}. */
    public CustomerAccount(String systemId, AccountStatus status, String name) {
        this.systemId = systemId;
        this.status = status;
        this.name = name;
    }

    public String getSystemId() {
        return systemId;
    }

    public AccountStatus getStatus() {
        return status;
    }

    public String getName() {
        return name;
    }
}
