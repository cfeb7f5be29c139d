package io.leadplatform.routing.service;

import io.leadplatform.routing.api.AssignmentView;
import io.leadplatform.routing.api.PolicyView;
import io.leadplatform.routing.api.QueueView;
import io.leadplatform.routing.api.RoutingView;
import io.leadplatform.routing.domain.Assignment;
import io.leadplatform.routing.domain.AssignmentLedgerEntry;
import io.leadplatform.routing.domain.OwnershipPolicy;
import io.leadplatform.routing.domain.OwnershipRule;
import io.leadplatform.routing.domain.QueueMember;
import io.leadplatform.routing.domain.RoutingQueue;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The one place routing entities become API views. */
public final class RoutingMapper {

    private RoutingMapper() {
    }

    public static AssignmentView view(Assignment a) {
        return new AssignmentView(a.id, a.leadId, a.queue.id, a.queue.name, a.owningOrg.name(), a.assignee,
                a.policyVersion, a.ruleName, a.status.name(), a.direction, a.channel, a.score, a.slaDueAt,
                a.assignedAt, a.acceptedAt, a.firstTouchedAt, a.breachedAt, a.endedAt, a.endReason);
    }

    /** {@code current} is null for a lead that is waiting for capacity. */
    public static RoutingView view(UUID leadId, Assignment current, List<AssignmentLedgerEntry> ledger) {
        return new RoutingView(leadId, current == null ? null : view(current), ledger.stream()
                .map(e -> new RoutingView.LedgerEntry(e.at, e.action.name(), e.actor, e.assignmentId, e.reason,
                        e.policyVersion, e.ruleName, e.candidates == null ? null : OwnershipRule.split(e.candidates),
                        e.skipped == null ? List.of() : Arrays.stream(e.skipped.split("; ")).toList(), e.chosen))
                .toList());
    }

    public static QueueView view(RoutingQueue q) {
        return new QueueView(q.id, q.name, q.owningOrg.name(), q.purpose.name(), q.strategy.name(), q.manager,
                q.overflowQueue == null ? null : q.overflowQueue.name, q.enforceWorkingHours,
                q.holidays.stream().sorted().toList(), q.escalation.name(),
                q.members.stream().map(RoutingMapper::view).toList());
    }

    public static QueueView.Member view(QueueMember m) {
        return new QueueView.Member(m.username, m.role.name(), m.active, m.position, m.weight, m.capacity,
                m.workStart == null ? null : m.workStart.toString(), m.workEnd == null ? null : m.workEnd.toString(),
                m.timeZone, m.absences.stream().map(a -> new QueueView.OutOfOffice(a.startsAt, a.endsAt)).toList(),
                m.manager, m.carriesQuota, m.assignedCount, m.unavailableUntil,
                m.workDays == null ? null : List.of(m.workDays.split(",")));
    }

    public static PolicyView view(OwnershipPolicy p, UUID effectiveId) {
        return new PolicyView(p.id, p.version, p.id.equals(effectiveId), p.effectiveFrom, p.description,
                p.rules.stream()
                        .map(r -> new PolicyView.Rule(r.position, r.name, r.defaultRule, r.direction,
                                r.consentMarketing, r.stage, list(r.fitGrades), list(r.engagementBands),
                                list(r.regions), list(r.countries), list(r.industries), r.employeesMin,
                                r.employeesMax, list(r.channels), list(r.accountTiers), r.targetQueue.id,
                                r.targetQueue.name, r.targetQueue.owningOrg.name()))
                        .toList());
    }

    private static List<String> list(String csv) {
        return csv == null ? null : OwnershipRule.split(csv);
    }
}
