package io.leadplatform.system;

import io.leadplatform.support.testing.KeycloakTokens;
import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadplatform.system.RunningPlatform.gatewayUrl;
import static io.restassured.RestAssured.given;

/** Capture payloads, with unique emails per call so reruns never merge into earlier leads, and the capture itself. */
final class Leads {

    private Leads() {
    }

    /** Captures the lead through the gateway as mara and returns its id. */
    static String capture(Map<String, Object> lead) {
        return given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON).body(lead)
                .post(gatewayUrl() + "/api/leads")
                .then().statusCode(201)
                .extract().path("id");
    }

    static Map<String, Object> inboundItSecurityLead() {
        Map<String, Object> lead = new HashMap<>();
        lead.put("email", "dana.reyes+" + UUID.randomUUID() + "@acme-security.example");
        lead.put("firstName", "Dana");
        lead.put("lastName", "Reyes");
        lead.put("company", "Acme Security");
        lead.put("jobTitle", "Director of IT");
        lead.put("industry", "IT Security");
        lead.put("employees", 450);
        lead.put("annualBudgetUsd", 60000);
        lead.put("country", "US");
        lead.put("region", "NA");
        lead.put("technologies", List.of("Salesforce", "Okta"));
        lead.put("interests", List.of("voice-of-customer"));
        lead.put("direction", "inbound");
        lead.put("channel", "paid");
        lead.put("source", "google-ads");
        lead.put("campaign", "q4-security-webinar");
        lead.put("consentMarketing", true);
        lead.put("consentContact", true);
        return lead;
    }

    static Map<String, Object> outboundFinanceLead() {
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
}
