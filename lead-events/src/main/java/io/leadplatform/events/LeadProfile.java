package io.leadplatform.events;

import java.util.List;

/** What is known about a lead's person and company, as carried by lead.captured and lead.updated. */
public record LeadProfile(
        String externalId,
        String email,
        String firstName,
        String lastName,
        String company,
        String domain,
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
        Boolean consentContact) {
}
