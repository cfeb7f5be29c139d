package io.leadplatform.routing.api;

import java.util.List;
import java.util.UUID;

public record QueueView(UUID id, String name, String owningOrg, String purpose, String strategy, String manager,
        String overflowQueue, boolean enforceWorkingHours, List<java.time.LocalDate> holidays, String escalation,
        List<Member> members) {

    public record Member(String username, String role, boolean active, int position, int weight, Integer capacity,
            String workStart, String workEnd, String timeZone, List<OutOfOffice> outOfOffice, String manager,
            boolean carriesQuota, long assignedCount, java.time.Instant unavailableUntil, List<String> workDays) {
    }

    public record OutOfOffice(java.time.Instant from, java.time.Instant to) {
    }
}
