package io.leadplatform.routing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks a member of one queue by its strategy, skipping those who cannot take a lead, and says why. The caller
 * holds the queue row's lock, so the counters it advances are the ones the last committed router left.
 */
public final class MemberSelector {

    private MemberSelector() {
    }

    public record Skip(String username, String reason) {
        @Override
        public String toString() {
            return username + ": " + reason;
        }
    }

    /** {@code chosen} is null when no member could take the lead. */
    public record Selection(RoutingQueue queue, List<String> candidates, List<Skip> skipped, QueueMember chosen,
            String why) {
    }

    /**
     * @param openUnworked  open, untouched leads per username (capacity and least-loaded)
     * @param accountOwner  the member who already owns the lead's account in this org, for the sticky strategy
     * @param excluded      usernames that must not get the lead (the assignee being escalated away from)
     */
    public static Selection select(RoutingQueue queue, Map<String, Long> openUnworked, Optional<String> accountOwner,
            Set<String> excluded, Instant now) {
        List<QueueMember> roster = queue.members.stream().filter(m -> m.active)
                .sorted(Comparator.comparingInt(m -> m.position)).toList();
        List<String> candidates = roster.stream().map(m -> m.username).toList();
        List<Skip> skipped = new ArrayList<>();
        List<QueueMember> eligible = new ArrayList<>();
        for (QueueMember member : roster) {
            if (excluded.contains(member.username)) {
                skipped.add(new Skip(member.username, "excluded (current assignee)"));
                continue;
            }
            Optional<String> reason = member.unavailableReason(now, queue.enforceWorkingHours, queue.holidays,
                    openUnworked.getOrDefault(member.username, 0L));
            if (reason.isPresent()) {
                skipped.add(new Skip(member.username, reason.get()));
            } else {
                eligible.add(member);
            }
        }
        if (eligible.isEmpty()) {
            return new Selection(queue, candidates, skipped, null, "no eligible member in " + queue.name);
        }
        QueueMember chosen;
        String why;
        switch (queue.strategy) {
            case WEIGHTED -> {
                // The member whose share after this lead stays lowest relative to their weight.
                chosen = eligible.stream().min(Comparator.<QueueMember>comparingDouble(
                        m -> (m.assignedCount + 1) / (double) m.weight)).orElseThrow();
                why = "weighted: lowest (assigned+1)/weight = " + (chosen.assignedCount + 1) + "/" + chosen.weight;
            }
            case LEAST_LOADED -> {
                chosen = eligible.stream().min(Comparator.<QueueMember>comparingLong(
                                m -> openUnworked.getOrDefault(m.username, 0L))
                        .thenComparingLong(m -> m.assignedCount)).orElseThrow();
                why = "least loaded: " + openUnworked.getOrDefault(chosen.username, 0L) + " open unworked leads";
            }
            case ACCOUNT_STICKY -> {
                Optional<QueueMember> owner = accountOwner.flatMap(o ->
                        eligible.stream().filter(m -> m.username.equals(o)).findFirst());
                if (owner.isPresent()) {
                    chosen = owner.get();
                    why = "account owner in " + queue.owningOrg;
                } else {
                    chosen = leastAssigned(eligible);
                    why = accountOwner.map(o -> "account owner " + o + " not eligible; round robin")
                            .orElse("no account owner yet; round robin") + ": " + chosen.assignedCount
                            + " leads so far";
                }
            }
            default -> {
                chosen = leastAssigned(eligible);
                why = "round robin: fewest leads so far (" + chosen.assignedCount + ")";
            }
        }
        chosen.assignedCount++;
        queue.rrCursor++;
        return new Selection(queue, candidates, skipped, chosen, why + " -> " + chosen.username);
    }

    /**
     * Whether {@link #select} reads the open, unworked counts for this queue: a least-loaded queue ranks by them,
     * and a member with a capacity is skipped at it. Otherwise the caller need not count them.
     */
    public static boolean usesOpenUnworked(RoutingQueue queue) {
        return queue.strategy == RoutingQueue.Strategy.LEAST_LOADED
                || queue.members.stream().anyMatch(m -> m.active && m.capacity != null);
    }

    private static QueueMember leastAssigned(List<QueueMember> eligible) {
        return eligible.stream().min(Comparator.comparingLong(m -> m.assignedCount)).orElseThrow();
    }
}
