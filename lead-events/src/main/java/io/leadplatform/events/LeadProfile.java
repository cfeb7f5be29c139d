package io.leadplatform.events;

import java.util.List;

/**
 * What is known about a lead's person and company, as carried by lead.captured and lead.updated.
 * {@code accountTier} (one of {@link AccountTiers#ALL}) is the tier of the lead's account: the one ops set for
 * the account, else the one its head count implies; null when neither is known. Producers before it was added
 * leave it out, and readers take that as null.
 */
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
        Boolean consentContact,
        String accountTier) {
}
