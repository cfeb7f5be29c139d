package io.leadplatform.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A versioned set of ordered rules that decides which queue, and so which org, owns a qualified lead. The first
 * matching rule wins; the one default rule takes the rest.
 *
 * <p>A lead that refused marketing consent never lands in a MARKETING-owned queue, whatever a policy says: rules
 * that target one are skipped for it. Policy default-1 also has a rule that sends such leads to outbound-bdr.
 */
@Entity
@Table(name = "ownership_policy")
public class OwnershipPolicy {

    @Id
    public UUID id;
    public String version;
    /** Activated at some point; {@link #effectiveFrom} says from when. */
    public boolean active;
    public String description;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Null for a draft; an activated policy routes from this time until a later one takes effect. */
    @Column(name = "effective_from")
    public Instant effectiveFrom;
    @OneToMany(mappedBy = "policy")
    @OrderBy("position")
    public List<OwnershipRule> rules = new ArrayList<>();

    public RoutingDecision route(RoutingFacts facts) {
        List<String> skipped = new ArrayList<>();
        OwnershipRule fallback = null;
        for (OwnershipRule rule : rules) {
            if (rule.defaultRule) {
                fallback = rule;
                continue;
            }
            if (!rule.matches(facts)) {
                continue;
            }
            if (excluded(rule, facts)) {
                skipped.add(rule.name);
                continue;
            }
            return decision(rule, "rule " + rule.position + " '" + rule.name + "' (" + rule.criteria() + ") matched",
                    skipped);
        }
        if (fallback == null) {
            throw new RoutingException("policy " + version + " has no default rule");
        }
        if (excluded(fallback, facts)) {
            throw new RoutingException("policy " + version + " has no rule outside MARKETING for a lead that "
                    + "refused marketing consent");
        }
        return decision(fallback, "no rule matched, default rule '" + fallback.name + "' applied", skipped);
    }

    private static boolean excluded(OwnershipRule rule, RoutingFacts facts) {
        return facts.refusedMarketing() && rule.targetQueue.owningOrg == OwningOrg.MARKETING;
    }

    private RoutingDecision decision(OwnershipRule rule, String why, List<String> skipped) {
        RoutingQueue queue = rule.targetQueue;
        StringBuilder reason = new StringBuilder("policy ").append(version).append(": ");
        if (!skipped.isEmpty()) {
            reason.append("skipped ").append(String.join(", ", skipped))
                    .append(" (consentMarketing=false excludes MARKETING-owned queues); ");
        }
        reason.append(why).append(" -> queue ").append(queue.name).append(" (").append(queue.owningOrg).append(')');
        return new RoutingDecision(version, rule, queue, reason.toString());
    }
}
