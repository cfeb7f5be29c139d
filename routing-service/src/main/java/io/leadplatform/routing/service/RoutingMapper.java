package io.leadplatform.routing.service;

import io.leadplatform.routing.domain.Assignment;
import io.leadplatform.routing.domain.AssignmentLedgerEntry;
import io.leadplatform.routing.domain.OwnershipPolicy;
import io.leadplatform.routing.domain.RoutingQueue;
import io.leadplatform.routing.rest.AssignmentView;
import io.leadplatform.routing.rest.PolicyView;
import io.leadplatform.routing.rest.QueueView;
import io.leadplatform.routing.rest.RoutingView;

import java.util.List;

/** The one place routing entities become API views. */
public final class RoutingMapper {

    private RoutingMapper() {
    }

    public static AssignmentView view(Assignment a) {
        return new AssignmentView(a.id, a.leadId, a.queue.id, a.queue.name, a.owningOrg.name(), a.assignee,
                a.policyVersion, a.status.name(), a.direction, a.channel, a.assignedAt, a.acceptedAt,
                a.firstTouchedAt, a.breachedAt);
    }

    public static RoutingView view(Assignment current, List<AssignmentLedgerEntry> ledger) {
        return new RoutingView(current.leadId, view(current), ledger.stream()
                .map(e -> new RoutingView.LedgerEntry(e.at, e.action.name(), e.actor, e.assignmentId, e.reason))
                .toList());
    }

    public static QueueView view(RoutingQueue q) {
        return new QueueView(q.id, q.name, q.owningOrg.name(), q.purpose.name(), q.strategy.name(),
                q.members.stream()
                        .map(m -> new QueueView.Member(m.username, m.role.name(), m.active, m.position))
                        .toList());
    }

    public static PolicyView view(OwnershipPolicy p) {
        return new PolicyView(p.id, p.version, p.active, p.description, p.rules.stream()
                .map(r -> new PolicyView.Rule(r.position, r.name, r.defaultRule, r.direction, r.consentMarketing,
                        r.targetQueue.id, r.targetQueue.name, r.targetQueue.owningOrg.name()))
                .toList());
    }
}
