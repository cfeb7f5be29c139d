package io.leadplatform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The lead crossed a qualification criterion. It carries the segment fields routing needs, so that
 * routing does not have to call back. {@code accountTier} is the profile's (see {@link LeadProfile}); null
 * when unknown or when the producer predates it.
 */
public record LeadQualified(
        UUID leadId,
        String stage,
        String modelVersion,
        String fitGrade,
        int fitScore,
        int engagementScore,
        String direction,
        String channel,
        String country,
        String region,
        String industry,
        Integer employees,
        String domain,
        Boolean consentMarketing,
        Instant qualifiedAt,
        String accountTier) {
}
