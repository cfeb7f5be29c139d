package io.leadplatform.routing;

import io.leadplatform.routing.domain.OwnershipPolicy;
import io.leadplatform.routing.domain.OwnershipRule;
import io.leadplatform.routing.domain.OwningOrg;
import io.leadplatform.routing.domain.QueueMember;
import io.leadplatform.routing.domain.RoutingQueue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Object mother for queues and policies in memory, for the pure routing logic. */
final class RoutingSetups {

    private RoutingSetups() {
    }

    static RoutingQueue queue(String name, OwningOrg org, String... members) {
        RoutingQueue queue = new RoutingQueue();
        queue.id = UUID.randomUUID();
        queue.name = name;
        queue.owningOrg = org;
        queue.purpose = org == OwningOrg.MARKETING
                ? RoutingQueue.Purpose.INBOUND_SDR : RoutingQueue.Purpose.OUTBOUND_BDR;
        for (int i = 0; i < members.length; i++) {
            QueueMember member = new QueueMember();
            member.id = UUID.randomUUID();
            member.queue = queue;
            member.username = members[i];
            member.role = org == OwningOrg.MARKETING ? QueueMember.Role.SDR : QueueMember.Role.BDR;
            member.position = i + 1;
            queue.members.add(member);
        }
        return queue;
    }

    /** The seeded policy default-1, as the V2 migration writes it. */
    static OwnershipPolicy default1(RoutingQueue inboundSdr, RoutingQueue outboundBdr) {
        return policy("default-1",
                rule(1, "no-marketing-consent", null, false, outboundBdr),
                rule(2, "inbound", "inbound", null, inboundSdr),
                rule(3, "outbound", "outbound", null, outboundBdr),
                defaultRule(4, inboundSdr));
    }

    static OwnershipPolicy policy(String version, OwnershipRule... rules) {
        OwnershipPolicy policy = new OwnershipPolicy();
        policy.id = UUID.randomUUID();
        policy.version = version;
        policy.active = true;
        policy.rules = new ArrayList<>(List.of(rules));
        policy.rules.forEach(r -> r.policy = policy);
        return policy;
    }

    static OwnershipRule rule(int position, String name, String direction, Boolean consentMarketing,
            RoutingQueue target) {
        OwnershipRule rule = new OwnershipRule();
        rule.id = UUID.randomUUID();
        rule.position = position;
        rule.name = name;
        rule.direction = direction;
        rule.consentMarketing = consentMarketing;
        rule.targetQueue = target;
        return rule;
    }

    static OwnershipRule defaultRule(int position, RoutingQueue target) {
        OwnershipRule rule = rule(position, "default", null, null, target);
        rule.defaultRule = true;
        return rule;
    }
}
