package io.leadplatform.lead;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Object mother for capture payloads; every call gets a unique email so reruns never merge by accident. */
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
}
