package io.leadplatform.routing.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An ownership policy with its rules in evaluation order; a null criterion matches any lead. {@code active} is
 * true for the policy that routes now; {@code effectiveFrom} is null for a draft.
 */
public record PolicyView(UUID id, String version, boolean active, Instant effectiveFrom, String description,
        List<Rule> rules) {

    public record Rule(int position, String name, boolean defaultRule, String direction, Boolean consentMarketing,
            String stage, List<String> fitGrades, List<String> engagementBands, List<String> regions,
            List<String> countries, List<String> industries, Integer employeesMin, Integer employeesMax,
            List<String> channels, List<String> accountTiers, UUID targetQueueId, String targetQueue,
            String targetOwningOrg) {
    }
}
