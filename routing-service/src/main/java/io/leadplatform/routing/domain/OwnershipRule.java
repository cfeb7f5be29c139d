package io.leadplatform.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One rule of an ownership policy. A null criterion matches any lead; the default rule has none. */
@Entity
@Table(name = "ownership_rule")
public class OwnershipRule {

    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "policy_id")
    public OwnershipPolicy policy;
    public int position;
    public String name;
    public String direction;
    @Column(name = "consent_marketing")
    public Boolean consentMarketing;
    @Column(name = "is_default")
    public boolean defaultRule;
    @ManyToOne
    @JoinColumn(name = "target_queue_id")
    public RoutingQueue targetQueue;

    public boolean matches(RoutingFacts facts) {
        return (direction == null || direction.equalsIgnoreCase(facts.direction()))
                && (consentMarketing == null || consentMarketing.equals(facts.consentMarketing()));
    }

    /** The rule's criteria in words, for the ledger. */
    public String criteria() {
        List<String> parts = new ArrayList<>();
        if (direction != null) {
            parts.add("direction=" + direction);
        }
        if (consentMarketing != null) {
            parts.add("consentMarketing=" + consentMarketing);
        }
        return parts.isEmpty() ? "any lead" : String.join(", ", parts);
    }
}
