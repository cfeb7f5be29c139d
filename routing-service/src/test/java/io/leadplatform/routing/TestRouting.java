package io.leadplatform.routing;

import io.leadplatform.events.CloudEvent;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.GoldenFixtures;
import io.leadplatform.events.LeadQualified;
import io.leadplatform.routing.service.RoutingEventHandler;
import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Sets routing up through the API as ops would, and routes leads through the real service and database. */
final class TestRouting {

    static final String DEFAULT_POLICY_ID = "d0000000-0000-4000-8000-000000000001";
    static final String INBOUND_SDR = "11111111-1111-4111-8111-111111111111";
    static final String OUTBOUND_BDR = "22222222-2222-4222-8222-222222222222";

    private TestRouting() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String createQueue(Map<String, Object> body) {
        return given().auth().oauth2(KeycloakTokens.of("pat")).contentType(ContentType.JSON).body(body)
                .post("/api/routing/queues").then().statusCode(201).extract().path("id");
    }

    static String queue(String name, String org, String strategy, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "owningOrg", org,
                "purpose", "INBOUND_SDR", "strategy", strategy));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return createQueue(body);
    }

    static ValidatableResponse members(String queueId, List<Map<String, Object>> members) {
        return given().auth().oauth2(KeycloakTokens.of("pat")).contentType(ContentType.JSON)
                .body(Map.of("members", members))
                .put("/api/routing/queues/" + queueId + "/members").then().statusCode(200);
    }

    static Map<String, Object> member(String username, Object... more) {
        Map<String, Object> m = new HashMap<>(Map.of("username", username, "role", "SDR"));
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    /** A policy whose rule for {@code industry} targets {@code queueId}; the rest as default-1 would route it. */
    static String policyFor(String industry, String queueId) {
        String version = unique("test");
        return given().auth().oauth2(KeycloakTokens.of("pat")).contentType(ContentType.JSON)
                .body(Map.of("version", version, "rules", List.of(
                        Map.of("name", "no-marketing-consent", "consentMarketing", false, "targetQueue",
                                "outbound-bdr"),
                        Map.of("name", "test-industry", "industries", List.of(industry), "targetQueue", queueId),
                        Map.of("name", "inbound", "direction", "inbound", "targetQueue", "inbound-sdr"),
                        Map.of("name", "default", "defaultRule", true, "targetQueue", "outbound-bdr"))))
                .post("/api/routing/policies").then().statusCode(201).extract().path("id");
    }

    static void activate(String policyId) {
        given().auth().oauth2(KeycloakTokens.of("pat")).contentType(ContentType.JSON).body("{}")
                .post("/api/routing/policies/" + policyId + "/activate").then().statusCode(200)
                .body("active", org.hamcrest.Matchers.equalTo(true));
    }

    /** A queue behind its own industry under an activated test policy; returns the industry to qualify leads with. */
    static String routeIndustryTo(String queueId) {
        String industry = unique("industry");
        activate(policyFor(industry, queueId));
        return industry;
    }

    static void restoreDefaultPolicy() {
        activate(DEFAULT_POLICY_ID);
    }

    static LeadQualified qualified(UUID lead, String industry, String domain) {
        return qualified(lead, industry, domain,
                GoldenFixtures.data(EventTypes.LEAD_QUALIFIED, LeadQualified.class).accountTier());
    }

    /** The golden inbound MQL with its own industry, domain and account tier (null: unknown). */
    static LeadQualified qualified(UUID lead, String industry, String domain, String accountTier) {
        LeadQualified g = GoldenFixtures.data(EventTypes.LEAD_QUALIFIED, LeadQualified.class);
        return new LeadQualified(lead, g.stage(), g.modelVersion(), g.fitGrade(), g.fitScore(), g.engagementScore(),
                g.direction(), g.channel(), g.country(), g.region(), industry, g.employees(), domain,
                g.consentMarketing(), g.qualifiedAt(), accountTier);
    }

    /** Routes as the consumer would, in a transaction of its own. */
    static UUID route(RoutingEventHandler routing, LeadQualified data) {
        CloudEvent<LeadQualified> event = CloudEvent.of("scoring-service", EventTypes.LEAD_QUALIFIED, data.leadId(),
                Instant.now(), data);
        QuarkusTransaction.requiringNew().run(() -> applyQualified(routing, List.of(event)));
        return data.leadId();
    }

    /**
     * Applies qualifications as one inbox transaction does (call it inside one): each event, then the placements
     * the consumer makes before its commit.
     */
    static void applyQualified(RoutingEventHandler routing, List<CloudEvent<LeadQualified>> events) {
        events.forEach(event -> routing.qualified(event, event.data()));
        routing.placePending();
    }

    static UUID route(RoutingEventHandler routing, String industry) {
        return route(routing, qualified(UUID.randomUUID(), industry, null));
    }

    static ValidatableResponse routingOf(UUID lead) {
        return given().auth().oauth2(KeycloakTokens.of("pat")).get("/api/leads/" + lead + "/routing")
                .then().statusCode(200);
    }

    static String assignee(UUID lead) {
        return routingOf(lead).extract().path("assignment.assignee");
    }
}
