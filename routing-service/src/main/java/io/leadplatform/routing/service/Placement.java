package io.leadplatform.routing.service;

import io.leadplatform.routing.domain.AssignmentRepository;
import io.leadplatform.routing.domain.MemberSelector;
import io.leadplatform.routing.domain.OwningOrg;
import io.leadplatform.routing.domain.RoutingException;
import io.leadplatform.routing.domain.RoutingFacts;
import io.leadplatform.routing.domain.RoutingQueue;
import io.leadplatform.routing.domain.RoutingQueueRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Places a lead with someone: a member of the queue by its strategy, else a member of its overflow queue, else
 * the queue's manager, so no lead is left unassigned while the setup has a manager.
 */
@ApplicationScoped
@Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RoutingException.class)
public class Placement {

    /** Where the lead went, with everything the ledger records about the choice. */
    public record Placed(RoutingQueue queue, String assignee, String why, List<String> candidates,
            List<MemberSelector.Skip> skipped) {
    }

    private final RoutingQueueRepository queues;
    private final AssignmentRepository assignments;

    public Placement(RoutingQueueRepository queues, AssignmentRepository assignments) {
        this.queues = queues;
        this.assignments = assignments;
    }

    public Placed place(RoutingQueue queue, RoutingFacts facts, Set<String> excluded, Instant now) {
        MemberSelector.Selection primary = select(queue, facts, excluded, now);
        List<String> candidates = new ArrayList<>(primary.candidates());
        List<MemberSelector.Skip> skipped = new ArrayList<>(primary.skipped());
        if (primary.chosen() != null) {
            return new Placed(queue, primary.chosen().username, "in " + queue.name + ", " + primary.why(),
                    candidates, skipped);
        }
        RoutingQueue overflow = queue.overflowQueue;
        if (overflow != null && !(facts.refusedMarketing() && overflow.owningOrg == OwningOrg.MARKETING)) {
            MemberSelector.Selection second = select(overflow, facts, excluded, now);
            candidates.addAll(second.candidates());
            skipped.addAll(second.skipped());
            if (second.chosen() != null) {
                return new Placed(overflow, second.chosen().username, "no eligible member in " + queue.name
                        + "; overflow queue " + overflow.name + ", " + second.why(), candidates, skipped);
            }
        }
        if (queue.manager != null && !excluded.contains(queue.manager)) {
            return new Placed(queue, queue.manager, "no eligible member in " + queue.name
                    + (overflow == null ? "" : " or its overflow " + overflow.name) + "; fallback to the queue's "
                    + "manager -> " + queue.manager, candidates, skipped);
        }
        throw new RoutingException("no eligible member in queue " + queue.name + " (" + skipped
                + "), no overflow member and no manager");
    }

    private MemberSelector.Selection select(RoutingQueue queue, RoutingFacts facts, Set<String> excluded,
            Instant now) {
        RoutingQueue locked = queues.lockForRouting(queue);
        List<String> roster = locked.members.stream().filter(m -> m.active).map(m -> m.username).toList();
        // The count reads every open, untouched lead of the roster (it grows with the backlog), under the queues'
        // lock: only run it when the strategy or a capacity looks at it.
        Map<String, Long> open = MemberSelector.usesOpenUnworked(locked) ? assignments.openUnworked(roster) : Map.of();
        Optional<String> owner = locked.strategy == RoutingQueue.Strategy.ACCOUNT_STICKY
                ? assignments.accountOwner(facts.domain(), locked.owningOrg, roster) : Optional.empty();
        return MemberSelector.select(locked, open, owner, excluded, now);
    }
}
