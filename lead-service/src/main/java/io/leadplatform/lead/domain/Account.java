package io.leadplatform.lead.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The tier ops set for an account, keyed by the account domain leads carry ({@code lead.account_domain}). */
@Entity
@Table(name = "account")
public class Account {

    @Id
    public String domain;
    /** One of {@link io.leadplatform.events.AccountTiers#ALL}. */
    public String tier;
    @Column(name = "set_by")
    public String setBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
