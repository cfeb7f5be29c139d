package io.leadplatform.events;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Object mother for capture payloads; every call gets a unique email so reruns never merge by accident. The email comes
 * as forms send it, padded and in mixed case, so every capture also exercises normalisation.
 */
public final class Leads {

    private Leads() {
    }

    public static Map<String, Object> inboundItSecurityLead() {
        Map<String, Object> lead = new HashMap<>();
        lead.put("email", "  Dana.Reyes+" + UUID.randomUUID() + "@Acme-Security.com ");
        lead.put("firstName", "Dana");
        lead.put("lastName", "Reyes");
        lead.put("company", "Acme Security");
        lead.put("jobTitle", "Director of IT");
        lead.put("industry", "IT Security");
        lead.put("employees", 450);
        lead.put("annualBudgetUsd", 60000);
        lead.put("country", "US");
        lead.put("region", "NA");
        lead.put("technologies", List.of("salesforce", "okta"));
        lead.put("interests", List.of("voice-of-customer"));
        lead.put("direction", "inbound");
        lead.put("channel", "paid");
        lead.put("source", "google-ads");
        lead.put("campaign", "q4-security-webinar");
        lead.put("consentMarketing", true);
        lead.put("consentContact", true);
        return lead;
    }

    /** A sales-sourced lead: outbound, from another company and industry. */
    public static Map<String, Object> outboundFinanceLead() {
        Map<String, Object> lead = inboundItSecurityLead();
        lead.put("email", "sam.lee+" + UUID.randomUUID() + "@northbank.example");
        lead.put("company", "North Bank");
        lead.put("industry", "Financial Services");
        lead.put("jobTitle", "VP Engineering");
        lead.put("direction", "outbound");
        lead.put("channel", "outbound");
        lead.put("source", "linkedin");
        return lead;
    }

    /** The email as the platform stores it: trimmed, lower case. */
    public static String storedEmail(Map<String, Object> lead) {
        return ((String) lead.get("email")).strip().toLowerCase(Locale.ROOT);
    }
}
