package io.leadplatform.routing.service;

import io.leadplatform.events.EventTypes;
import io.leadplatform.events.LeadHandedOff;
import io.leadplatform.events.LeadTouched;
import io.leadplatform.routing.api.AssignmentView;
import io.leadplatform.routing.api.ReassignRequest;
import io.leadplatform.routing.api.RejectRequest;
import io.leadplatform.routing.api.RoutingView;
import io.leadplatform.routing.api.WaitingView;
import io.leadplatform.routing.config.RoutingConfig;
import io.leadplatform.routing.domain.Assignment;
import io.leadplatform.routing.domain.AssignmentLedgerEntry;
import io.leadplatform.routing.domain.AssignmentLedgerRepository;
import io.leadplatform.routing.domain.AssignmentRepository;
import io.leadplatform.routing.domain.OwnershipPolicy;
import io.leadplatform.routing.domain.OwnershipPolicyRepository;
import io.leadplatform.routing.domain.OwningOrg;
import io.leadplatform.routing.domain.RoutingDecision;
import io.leadplatform.routing.domain.RoutingException;
import io.leadplatform.routing.domain.RoutingFacts;
import io.leadplatform.routing.domain.RoutingQueue;
import io.leadplatform.routing.domain.RoutingQueueRepository;
import io.leadplatform.routing.domain.WaitingLeadRepository;
import io.leadplatform.support.outbox.Outbox;
import io.leadplatform.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What an assignee, a manager or ops do with leads, and who may see a lead's routing. */
@ApplicationScoped
public class AssignmentService {

    /** The reason codes a rejection must carry; lead-service counts them in its funnel report. */
    public static final List<String> REJECT_REASONS = List.of("no-budget", "wrong-persona", "not-ready",
            "duplicate", "bad-data", "competitor", "no-response");

    private final AssignmentRepository assignments;
    private final AssignmentLedgerRepository ledger;
    private final OwnershipPolicyRepository policies;
    private final RoutingQueueRepository queues;
    private final WaitingLeadRepository waiting;
    private final Placement placement;
    private final Reassignments reassignments;
    private final Outbox outbox;
    private final RoutingConfig config;
    private final Clock clock;

    public AssignmentService(AssignmentRepository assignments, AssignmentLedgerRepository ledger,
            OwnershipPolicyRepository policies, RoutingQueueRepository queues, WaitingLeadRepository waiting,
            Placement placement,
            Reassignments reassignments, Outbox outbox, RoutingConfig config, Clock clock) {
        this.assignments = assignments;
        this.ledger = ledger;
        this.policies = policies;
        this.queues = queues;
        this.waiting = waiting;
        this.placement = placement;
        this.reassignments = reassignments;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public AssignmentView touch(UUID leadId, String user, String channel) {
        Assignment assignment = ownedActive(leadId, user);
        String touchChannel = channel == null ? config.defaultTouchChannel() : channel;
        boolean first = assignment.firstTouchedAt == null;
        Instant now = now();
        LeadTouched touched = assignment.touch(touchChannel, now);
        ledger.persist(AssignmentLedgerEntry.of(assignment, AssignmentLedgerEntry.Action.TOUCHED, user,
                (first ? "first touch" : "touch") + " by " + touchChannel, now));
        outbox.append(EventTypes.LEAD_TOUCHED, leadId, touched);
        return RoutingMapper.view(assignment);
    }

    @Transactional
    public AssignmentView accept(UUID leadId, String user) {
        Assignment assignment = ownedActive(leadId, user);
        Instant now = now();
        assignment.accept(now).ifPresent(accepted -> {
            ledger.persist(AssignmentLedgerEntry.of(assignment, AssignmentLedgerEntry.Action.ACCEPTED, user,
                    "accepted by the assignee", now));
            outbox.append(EventTypes.LEAD_ACCEPTED, leadId, accepted);
        });
        return RoutingMapper.view(assignment);
    }

    /** The assignee gives the lead back with a reason code: the assignment ends and lead-service recycles it. */
    @Transactional
    public AssignmentView reject(UUID leadId, String user, RejectRequest request) {
        String reason = request == null ? null : request.reason();
        if (reason == null || !REJECT_REASONS.contains(reason)) {
            throw ProblemException.invalid("reason", "must be one of " + String.join(", ", REJECT_REASONS));
        }
        if (request.note() != null && request.note().length() > 500) {
            throw ProblemException.invalid("note", "must be at most 500 characters");
        }
        Assignment assignment = ownedActive(leadId, user);
        Instant now = now();
        var rejected = assignment.reject(reason, now);
        ledger.persist(AssignmentLedgerEntry.of(assignment, AssignmentLedgerEntry.Action.REJECTED, user,
                "rejected: " + reason + (request.note() == null ? "" : " (" + request.note() + ")")
                        + "; recycled to marketing nurture", now));
        outbox.append(EventTypes.LEAD_REJECTED, leadId, rejected);
        return RoutingMapper.view(assignment);
    }

    /**
     * The assignee qualifies the lead to SQL and passes it to a SALES-owned AE queue: the one the effective policy
     * names for the SQL, else the configured hand-off queue.
     */
    @Transactional
    public AssignmentView handoff(UUID leadId, String user) {
        assignments.lockLead(leadId);
        Assignment current = ownedActive(leadId, user);
        if (current.queue.purpose == RoutingQueue.Purpose.AE) {
            throw ProblemException.conflict("lead " + leadId + " is already with an AE");
        }
        Instant now = now();
        RoutingFacts facts = reassignments.factsOf(current).withStage("SQL");
        OwnershipPolicy policy = policies.findEffective(now)
                .orElseThrow(() -> ProblemException.conflict("no active ownership policy"));
        RoutingQueue target;
        String rule;
        String how;
        RoutingDecision decision = decide(policy, facts);
        if (decision != null && isSalesAe(decision.queue())) {
            target = decision.queue();
            rule = decision.rule().name;
            how = decision.reason();
        } else {
            target = queues.findByName(config.handoffQueue()).filter(AssignmentService::isSalesAe)
                    .orElseThrow(() -> ProblemException.conflict("policy " + policy.version + " names no "
                            + "SALES-owned AE queue for an SQL, and the hand-off queue " + config.handoffQueue()
                            + " is not one"));
            rule = "handoff-queue";
            how = "policy " + policy.version + " names no SALES-owned AE queue for this SQL; hand-off queue "
                    + target.name;
        }
        Placement.Placed placed;
        try {
            placed = placement.place(target, facts, Set.of(), now);
        } catch (RoutingException e) {
            throw ProblemException.conflict("cannot hand off lead " + leadId + ": " + e.getMessage());
        }
        current.end(Assignment.Status.HANDED_OFF, "handed off to " + placed.assignee(), now);
        ledger.persist(AssignmentLedgerEntry.of(current, AssignmentLedgerEntry.Action.HANDED_OFF, user,
                "qualified to SQL and handed off to " + placed.assignee() + " in " + placed.queue().name + " ("
                        + placed.queue().owningOrg + ")", now));
        assignments.flush();
        Assignment.Assigned next = Assignment.assign(leadId, facts, policy.version, rule, placed.queue(),
                placed.assignee(), now);
        assignments.persist(next.assignment());
        ledger.persist(AssignmentLedgerEntry.of(next.assignment(), AssignmentLedgerEntry.Action.ASSIGNED, user,
                        "hand-off from " + current.assignee + "; " + how + "; " + placed.why()
                                + RoutingEventHandler.skippedText(placed), now)
                .decision(policy.version, rule, placed.candidates(), placed.skipped(), placed.assignee()));
        outbox.append(EventTypes.LEAD_HANDED_OFF, leadId, new LeadHandedOff(leadId, current.id, current.assignee,
                placed.assignee(), placed.queue().id, placed.queue().owningOrg.name(), now));
        outbox.append(EventTypes.LEAD_ASSIGNED, leadId, next.event());
        return RoutingMapper.view(next.assignment());
    }

    /** A manager (for their teams' leads and queues) or ops move a lead to another member or queue. */
    @Transactional
    public AssignmentView reassign(UUID leadId, Caller caller, ReassignRequest request) {
        assignments.lockLead(leadId);
        Assignment current = assignments.findActiveForUpdate(leadId)
                .filter(caller::sees)
                .orElseThrow(() -> ProblemException.notFound("active assignment of lead " + leadId));
        RoutingQueue target = current.queue;
        if (request != null && request.queue() != null) {
            target = queues.findByRef(request.queue())
                    .orElseThrow(() -> ProblemException.invalid("queue", "no queue " + request.queue()));
        }
        if (!caller.sees(target) || caller.scope() == Caller.Scope.XDR) {
            throw ProblemException.forbidden(caller.username() + " does not manage queue " + target.name);
        }
        RoutingFacts facts = reassignments.factsOf(current);
        if (facts.refusedMarketing() && target.owningOrg == OwningOrg.MARKETING) {
            throw ProblemException.invalid("queue", "the lead refused marketing; it cannot go to the "
                    + "MARKETING-owned queue " + target.name);
        }
        String assignee = request == null ? null : request.assignee();
        if (assignee != null && !target.hasMember(assignee) && !assignee.equals(target.manager)) {
            throw ProblemException.invalid("assignee", assignee + " is not an active member of " + target.name);
        }
        String reason = request == null || request.reason() == null || request.reason().isBlank()
                ? "reassigned by " + caller.username() : request.reason();
        if (reason.length() > 200) {
            throw ProblemException.invalid("reason", "must be at most 200 characters");
        }
        try {
            return RoutingMapper.view(reassignments.reassign(current, target, assignee, caller.username(), reason,
                    now()));
        } catch (RoutingException e) {
            throw ProblemException.conflict(e.getMessage());
        }
    }

    /** Another queue's lead is reported as absent, not forbidden, so its existence does not leak. */
    @Transactional
    public RoutingView routing(UUID leadId, Caller caller) {
        Assignment current = assignments.findCurrent(leadId).orElse(null);
        if (current == null && caller.scope() == Caller.Scope.ALL) {
            // A lead waiting for capacity has ledger lines but no assignment yet.
            List<AssignmentLedgerEntry> lines = ledger.forLead(leadId);
            if (!lines.isEmpty()) {
                return RoutingMapper.view(leadId, null, lines);
            }
        }
        if (current == null || !caller.sees(current)) {
            throw ProblemException.notFound("routing of lead " + leadId);
        }
        return RoutingMapper.view(current.leadId, current, ledger.forLead(leadId));
    }

    @Transactional
    public List<AssignmentView> activeFor(String user) {
        return assignments.listActiveFor(user).stream().map(RoutingMapper::view).toList();
    }

    @Transactional
    public List<AssignmentView> activeInQueue(UUID queueId, Caller caller) {
        RoutingQueue queue = queues.findByIdOptional(queueId).filter(caller::sees)
                .orElseThrow(() -> ProblemException.notFound("queue " + queueId));
        return assignments.listActiveInQueue(queue.id).stream().map(RoutingMapper::view).toList();
    }

    @Transactional
    public List<WaitingView> waitingInQueue(UUID queueId, Caller caller) {
        RoutingQueue queue = queues.findByIdOptional(queueId).filter(caller::sees)
                .orElseThrow(() -> ProblemException.notFound("queue " + queueId));
        return waiting.inQueue(queue.id).stream().map(w -> new WaitingView(w.leadId, queue.id, queue.name,
                w.policyVersion, w.ruleName, w.since, w.reason)).toList();
    }

    private static RoutingDecision decide(OwnershipPolicy policy, RoutingFacts facts) {
        try {
            return policy.route(facts);
        } catch (RoutingException e) {
            return null;
        }
    }

    private static boolean isSalesAe(RoutingQueue queue) {
        return queue.owningOrg == OwningOrg.SALES && queue.purpose == RoutingQueue.Purpose.AE;
    }

    /**
     * Only the assignee acts on an assignment: anyone else is answered 403, as the platform's system tests expect
     * for another XDR; reads outside the caller's queues are 404. A lead without an active assignment is 404.
     */
    private Assignment ownedActive(UUID leadId, String user) {
        Assignment assignment = assignments.findActiveForUpdate(leadId)
                .orElseThrow(() -> ProblemException.notFound("active assignment of lead " + leadId));
        if (!assignment.isAssignedTo(user)) {
            if (!assignment.queue.hasMember(user)) {
                // A lead of a queue the caller is not in is reported as absent, so its existence does not leak.
                throw ProblemException.notFound("active assignment of lead " + leadId);
            }
            throw ProblemException.forbidden("lead " + leadId + " is assigned to another member");
        }
        return assignment;
    }

    /** PostgreSQL keeps microseconds; what we answer and publish is what we store. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
