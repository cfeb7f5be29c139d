package io.leadplatform.routing.service;

import io.leadplatform.events.CloudEvent;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.LeadErased;
import io.leadplatform.events.LeadQualified;
import io.leadplatform.events.SlaBreached;
import io.leadplatform.events.SlaStarted;
import io.leadplatform.routing.config.RoutingConfig;
import io.leadplatform.routing.domain.Assignment;
import io.leadplatform.routing.domain.AssignmentLedgerEntry;
import io.leadplatform.routing.domain.AssignmentLedgerRepository;
import io.leadplatform.routing.domain.AssignmentRepository;
import io.leadplatform.routing.domain.MemberBreach;
import io.leadplatform.routing.domain.MemberBreachRepository;
import io.leadplatform.routing.domain.OwnershipPolicy;
import io.leadplatform.routing.domain.OwnershipPolicyRepository;
import io.leadplatform.routing.domain.QualifiedFact;
import io.leadplatform.routing.domain.QualifiedFactRepository;
import io.leadplatform.routing.domain.QueueMember;
import io.leadplatform.routing.domain.QueueMemberRepository;
import io.leadplatform.routing.domain.RoutingDecision;
import io.leadplatform.routing.domain.RoutingException;
import io.leadplatform.routing.domain.RoutingFacts;
import io.leadplatform.routing.domain.RoutingQueue;
import io.leadplatform.routing.domain.RoutingQueueRepository;
import io.leadplatform.routing.domain.WaitingLead;
import io.leadplatform.routing.domain.WaitingLeadRepository;
import io.leadplatform.support.inbox.PoisonMessageException;
import io.leadplatform.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

/** Applies the events routing consumes, each inside the inbox's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RoutingEventHandler {

    private static final Logger LOG = Logger.getLogger(RoutingEventHandler.class);

    private final OwnershipPolicyRepository policies;
    private final AssignmentRepository assignments;
    private final AssignmentLedgerRepository ledger;
    private final QualifiedFactRepository facts;
    private final MemberBreachRepository breaches;
    private final QueueMemberRepository members;
    private final WaitingLeadRepository waiting;
    private final RoutingQueueRepository queues;
    private final Placement placement;
    private final Reassignments reassignments;
    private final Outbox outbox;
    private final PendingPlacements pending;
    private final RoutingConfig config;
    private final Clock clock;

    public RoutingEventHandler(OwnershipPolicyRepository policies, AssignmentRepository assignments,
            AssignmentLedgerRepository ledger, QualifiedFactRepository facts, MemberBreachRepository breaches,
            QueueMemberRepository members, WaitingLeadRepository waiting, RoutingQueueRepository queues,
            Placement placement, Reassignments reassignments, Outbox outbox, PendingPlacements pending,
            RoutingConfig config, Clock clock) {
        this.policies = policies;
        this.assignments = assignments;
        this.ledger = ledger;
        this.facts = facts;
        this.breaches = breaches;
        this.members = members;
        this.waiting = waiting;
        this.queues = queues;
        this.placement = placement;
        this.reassignments = reassignments;
        this.outbox = outbox;
        this.pending = pending;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Keeps the lead's facts for simulations, and leaves the lead to be routed at the end of the transaction
     * ({@link #placePending}). A lead that is already assigned stays where it is.
     */
    public void qualified(CloudEvent<?> event, LeadQualified data) {
        assignments.lockLead(data.leadId());
        Instant now = now();
        QualifiedFact fact = facts.findByIdOptional(data.leadId()).orElse(null);
        if (fact == null) {
            fact = new QualifiedFact();
            fact.apply(data, now);
            facts.persist(fact);
        } else {
            fact.apply(data, now);
        }
        if (assignments.findActive(data.leadId()).isPresent()) {
            LOG.debugf("lead %s is already assigned; %s (%s) does not re-route it", data.leadId(), event.id(),
                    data.stage());
            return;
        }
        pending.add(new PendingPlacements.Pending(data.leadId(), data.stage(), data.modelVersion()));
    }

    /**
     * Routes the leads qualified in this transaction under the effective policy, in the order they came. It runs
     * last, just before the commit (the inbox calls it, see {@link io.leadplatform.support.inbox.EventHandlers#beforeCommit}):
     * a placement takes the queues' lock, which every other router then waits for until this transaction ends, so
     * nothing else of a batch is applied while it is held.
     */
    public void placePending() {
        var leads = pending.drain();
        if (leads.isEmpty()) {
            return;
        }
        Instant now = now();
        OwnershipPolicy policy = policies.findEffective(now).orElse(null);
        for (PendingPlacements.Pending lead : leads) {
            place(lead, policy, now);
        }
    }

    private void place(PendingPlacements.Pending lead, OwnershipPolicy policy, Instant now) {
        QualifiedFact fact = facts.findById(lead.leadId());
        RoutingFacts routingFacts = fact.facts(config.engagementBand().mediumFrom(),
                config.engagementBand().highFrom());
        RoutingDecision decision;
        try {
            if (policy == null) {
                throw new RoutingException("no active ownership policy");
            }
            decision = policy.route(routingFacts);
        } catch (RoutingException e) {
            // Redelivering cannot fix the setup: dead-letter now, and replay from the DLQ once it is fixed.
            throw new PoisonMessageException("cannot route lead " + lead.leadId() + ": " + e.getMessage(), e);
        }
        String why = "qualified " + lead.stage() + " (scoring model " + lead.modelVersion() + "); "
                + decision.reason();
        Placement.Placed placed;
        try {
            placed = placement.place(decision.queue(), routingFacts, Set.of(), now);
        } catch (RoutingException e) {
            waiting.persist(WaitingLead.of(lead.leadId(), decision.queue(), decision.policyVersion(),
                    decision.rule().name, now, e.getMessage()));
            ledger.persist(AssignmentLedgerEntry.unassigned(lead.leadId(), AssignmentLedgerEntry.Action.WAITING,
                    why + "; waiting for capacity: " + e.getMessage(), now));
            return;
        }
        assign(lead.leadId(), routingFacts, decision.policyVersion(), decision.rule().name, placed, why, now);
    }

    /** Tries again to place a lead that was waiting for capacity; true once it is assigned (or no longer waits). */
    public boolean retryWaiting(UUID leadId) {
        assignments.lockLead(leadId);
        WaitingLead wait = waiting.findByIdOptional(leadId).orElse(null);
        if (wait == null) {
            return true;
        }
        if (assignments.findActive(leadId).isPresent()) {
            waiting.delete(wait);
            return true;
        }
        QualifiedFact fact = facts.findByIdOptional(leadId).orElse(null);
        if (fact == null) {
            waiting.delete(wait);
            return true;
        }
        RoutingFacts routingFacts = fact.facts(config.engagementBand().mediumFrom(),
                config.engagementBand().highFrom());
        Instant now = now();
        Placement.Placed placed;
        try {
            placed = placement.place(wait.queue, routingFacts, Set.of(), now);
        } catch (RoutingException e) {
            return false;
        }
        waiting.delete(wait);
        assign(leadId, routingFacts, wait.policyVersion, wait.ruleName, placed, "waited for capacity in "
                + wait.queue.name + " since " + wait.since + " (policy " + wait.policyVersion + ", rule '"
                + wait.ruleName + "')", now);
        return true;
    }

    private void assign(UUID leadId, RoutingFacts routingFacts, String policyVersion, String ruleName,
            Placement.Placed placed, String why, Instant now) {
        Assignment.Assigned assigned = Assignment.assign(leadId, routingFacts, policyVersion, ruleName,
                placed.queue(), placed.assignee(), now);
        assignments.persist(assigned.assignment());
        ledger.persist(AssignmentLedgerEntry.of(assigned.assignment(), AssignmentLedgerEntry.Action.ASSIGNED,
                        AssignmentLedgerEntry.ROUTING, why + "; " + placed.why() + skippedText(placed), now)
                .decision(policyVersion, ruleName, placed.candidates(), placed.skipped(), placed.assignee()));
        outbox.append(EventTypes.LEAD_ASSIGNED, leadId, assigned.event());
    }

    static String skippedText(Placement.Placed placed) {
        return placed.skipped().isEmpty() ? "" : "; skipped " + placed.skipped();
    }

    /** Keeps the earliest due time of the assignee's running clocks, to order their work. */
    public void slaStarted(CloudEvent<?> event, SlaStarted data) {
        assignments.findActiveForUpdate(data.leadId())
                .filter(a -> a.isAssignedTo(data.assignee()) && data.dueAt() != null)
                .ifPresent(a -> a.slaStarted(data.dueAt()));
    }

    /**
     * Records the breach, charges it to the assignee (too many in the window make them unavailable), and under
     * the queue's REASSIGN escalation moves the lead to the next eligible member.
     */
    public void slaBreached(CloudEvent<?> event, SlaBreached data) {
        assignments.lockLead(data.leadId());
        Assignment assignment = assignments.findActiveForUpdate(data.leadId()).orElse(null);
        if (assignment == null) {
            LOG.infof("sla breach %s for lead %s without an active assignment: ignored", event.id(), data.leadId());
            return;
        }
        Instant now = now();
        Instant at = data.breachedAt() != null ? data.breachedAt() : now;
        assignment.breached(at);
        ledger.persist(AssignmentLedgerEntry.of(assignment, AssignmentLedgerEntry.Action.SLA_BREACHED,
                event.source(), "clock " + data.clockType() + " (" + data.clockId() + ") of " + data.assignee()
                        + " was due " + data.dueAt() + " and breached " + data.breachedAt(), at));
        breaches.persist(MemberBreach.of(assignment.assignee, data.leadId(), data.clockType(), now));
        // Member rows are written under the queues' lock, in the same order as placements take it.
        queues.lockQueues();
        RoutingConfig.Escalation escalation = config.escalation();
        long recent = breaches.since(assignment.assignee, now.minus(escalation.window()));
        if (recent >= escalation.breachesBeforeUnavailable()) {
            Instant until = now.plus(escalation.unavailableFor());
            for (QueueMember member : members.byUsername(assignment.assignee)) {
                member.unavailableUntil = until;
            }
            ledger.persist(AssignmentLedgerEntry.of(assignment, AssignmentLedgerEntry.Action.MEMBER_UNAVAILABLE,
                    AssignmentLedgerEntry.ROUTING, assignment.assignee + " had " + recent + " SLA breaches within "
                            + escalation.window() + "; unavailable until " + until, now));
        }
        if (assignment.queue.escalation == RoutingQueue.Escalation.REASSIGN) {
            try {
                reassignments.reassign(assignment, assignment.queue, null, AssignmentLedgerEntry.ROUTING,
                        "sla-breach " + data.clockType(), now);
            } catch (RoutingException e) {
                LOG.warnf("lead %s breached its SLA and nobody else can take it: %s", data.leadId(), e.getMessage());
            }
        }
    }

    /** Erasure removes every assignment, ledger line and kept fact of the lead. */
    public void erased(CloudEvent<?> event, LeadErased data) {
        assignments.lockLead(data.leadId());
        pending.remove(data.leadId());
        long rows = ledger.deleteForLead(data.leadId()) + assignments.deleteForLead(data.leadId())
                + facts.delete("leadId", data.leadId()) + breaches.deleteForLead(data.leadId())
                + waiting.delete("leadId", data.leadId());
        LOG.infof("lead %s erased (%s): %d routing rows deleted", data.leadId(), event.id(), rows);
    }

    /** PostgreSQL keeps microseconds; what we answer and publish is what we store. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
