package io.leadplatform.lead.domain;

import java.time.Instant;
import java.util.List;

/**
 * What one capture says about a person, normalised: email and phone as they dedupe, free text trimmed, the company
 * name tidied (and kept as sent), and the capture time (the time of the call when the source gave none).
 */
public record CapturedFacts(
        String externalId,
        String email,
        String phone,
        String firstName,
        String lastName,
        String companyAsSent,
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
        String utmSource,
        String utmMedium,
        String utmCampaign,
        Boolean consentMarketing,
        Boolean consentContact,
        String consentSource,
        String consentTextVersion,
        Instant capturedAt) {

    /** What the capture dedupes on, also its lock key. */
    public String dedupeKey() {
        return LeadIdentity.dedupeKey(email, phone);
    }

    /** The company domain given, or lacking one, the email's. */
    public String companyDomain() {
        return LeadIdentity.companyDomain(domain, email);
    }

    /** The account the lead belongs to: its company domain unless that is free-mail. */
    public String accountDomain() {
        return LeadIdentity.accountDomain(companyDomain());
    }

    boolean mentionsConsent() {
        return consentMarketing != null || consentContact != null;
    }
}
