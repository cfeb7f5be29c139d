package io.leadplatform.lead.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A lead as the API shows it: captured facts, stage, score, current assignment and SLA clocks. */
public record LeadView(
        UUID id,
        String externalId,
        String email,
        String phone,
        String firstName,
        String lastName,
        String company,
        String domain,
        String accountDomain,
        String jobTitle,
        String industry,
        Integer employees,
        Long annualBudgetUsd,
        String country,
        String region,
        List<String> technologies,
        List<String> interests,
        String direction,
        String channel,
        String source,
        String campaign,
        Boolean consentMarketing,
        Boolean consentContact,
        Instant capturedAt,
        long version,
        String stage,
        Score score,
        Assignment assignment,
        List<SlaClock> slaClocks) {

    public record Score(Integer fitScore, String fitGrade, Integer engagementScore, String modelVersion,
            Instant scoredAt) {
    }

    public record Assignment(UUID assignmentId, String queue, String owningOrg, String assignee,
            Instant assignedAt) {
    }

    public record SlaClock(UUID clockId, String type, String status, String assignee, Instant startedAt,
            Instant dueAt, Instant metAt, Instant breachedAt) {
    }
}
