package io.leadplatform.sla.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * All of one lead's clocks, locked and oldest first ({@link SlaClockRepository#lockAllOfLead}). A lead has a handful
 * of clocks, so an event's handler reads them in one query and asks its questions of the list, instead of one
 * query per question.
 */
public record LeadClocks(List<SlaClock> all) {

    /** A clock started in this transaction, in its place by start time (after those that started at the same time). */
    void add(SlaClock clock) {
        int at = 0;
        while (at < all.size() && !all.get(at).startedAt.isAfter(clock.startedAt)) {
            at++;
        }
        all.add(at, clock);
    }

    public Optional<SlaClock> systemDelay() {
        return all.stream().filter(c -> c.clockType == ClockType.SYSTEM_DELAY).findFirst();
    }

    public Optional<SlaClock> ofAssignment(UUID assignmentId, ClockType type) {
        return all.stream().filter(c -> c.clockType == type && assignmentId.equals(c.assignmentId)).findFirst();
    }

    /** The running or paused clocks of the given types, oldest first. */
    public List<SlaClock> open(ClockType... types) {
        List<ClockType> wanted = Arrays.asList(types);
        return all.stream().filter(c -> c.isOpen() && wanted.contains(c.clockType)).toList();
    }

    /** The running or paused clocks of one assignment, oldest first. */
    public List<SlaClock> openOfAssignment(UUID assignmentId) {
        return all.stream().filter(c -> c.isOpen() && assignmentId.equals(c.assignmentId)).toList();
    }

    public boolean startedAfter(ClockType type, Instant at) {
        return all.stream().anyMatch(c -> c.clockType == type && c.startedAt.isAfter(at));
    }
}
