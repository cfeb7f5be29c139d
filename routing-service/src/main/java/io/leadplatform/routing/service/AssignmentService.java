package io.leadplatform.routing.service;

import io.leadplatform.events.EventTypes;
import io.leadplatform.events.LeadTouched;
import io.leadplatform.routing.config.RoutingConfig;
import io.leadplatform.routing.domain.Assignment;
import io.leadplatform.routing.domain.AssignmentLedgerEntry;
import io.leadplatform.routing.domain.AssignmentLedgerRepository;
import io.leadplatform.routing.domain.AssignmentRepository;
import io.leadplatform.routing.rest.AssignmentView;
import io.leadplatform.routing.rest.RoutingView;
import io.leadplatform.support.outbox.Outbox;
import io.leadplatform.support.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** What an assignee does with their leads, and who may see a lead's routing. */
@ApplicationScoped
public class AssignmentService {

    private final AssignmentRepository assignments;
    private final AssignmentLedgerRepository ledger;
    private final Outbox outbox;
    private final RoutingConfig config;
    private final Clock clock;

    public AssignmentService(AssignmentRepository assignments, AssignmentLedgerRepository ledger, Outbox outbox,
            RoutingConfig config, Clock clock) {
        this.assignments = assignments;
        this.ledger = ledger;
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

    /** {@code restrictedTo} is null for readers who see every lead; an XDR sees only leads assigned to them. */
    @Transactional
    public RoutingView routing(UUID leadId, String restrictedTo) {
        Assignment current = assignments.findCurrent(leadId)
                .orElseThrow(() -> ProblemException.notFound("routing of lead " + leadId));
        if (restrictedTo != null && !current.isAssignedTo(restrictedTo)) {
            // As in lead-service: another XDR's lead is reported as absent, not forbidden.
            throw ProblemException.notFound("routing of lead " + leadId);
        }
        return RoutingMapper.view(current, ledger.forLead(leadId));
    }

    @Transactional
    public List<AssignmentView> activeFor(String user) {
        return assignments.listActiveFor(user).stream().map(RoutingMapper::view).toList();
    }

    private Assignment ownedActive(UUID leadId, String user) {
        Assignment assignment = assignments.findActiveForUpdate(leadId)
                .orElseThrow(() -> ProblemException.notFound("active assignment of lead " + leadId));
        if (!assignment.isAssignedTo(user)) {
            throw ProblemException.forbidden("lead " + leadId + " is assigned to another member");
        }
        return assignment;
    }

    /** PostgreSQL keeps microseconds; what we answer and publish is what we store. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
