package io.leadplatform.system;

import io.leadplatform.events.EventTypes;
import io.leadplatform.events.Leads;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.TestBroker;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.leadplatform.system.RunningPlatform.gatewayUrl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** One lead at a time through the whole platform: gateway → lead → scoring → routing → SLA. */
@ExtendWith(RunningPlatform.class)
class LeadFlowIT {

    static TestBroker broker;
    static String breaches;

    @BeforeAll
    static void tap() {
        broker = TestBroker.connect(RunningPlatform.VHOST);
        breaches = broker.tap(EventTypes.SLA_BREACHED);
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    static ValidatableResponse lead(String id, String user) {
        return given().auth().oauth2(KeycloakTokens.of(user)).get(gatewayUrl() + "/api/leads/" + id).then();
    }

    @Test
    void anInboundLeadIsAssignedToXenasMarketingQueueWithAFirstTouchClockWithinFiveSeconds() {
        String id = RunningPlatform.capture(Leads.inboundItSecurityLead());
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                lead(id, "mara").statusCode(200)
                        .body("stage", equalTo("MQL"))
                        .body("assignment.assignee", equalTo("xena"))
                        .body("assignment.queue", equalTo("inbound-sdr"))
                        .body("assignment.owningOrg", equalTo("MARKETING"))
                        .body("slaClocks", hasSize(1))
                        .body("slaClocks[0].type", equalTo("FIRST_TOUCH"))
                        .body("slaClocks[0].status", equalTo("RUNNING")));
    }

    @Test
    void anOutboundLeadGoesToXaviersSalesQueue() {
        String id = RunningPlatform.capture(Leads.outboundFinanceLead());
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                lead(id, "sam").statusCode(200)
                        .body("assignment.assignee", equalTo("xavier"))
                        .body("assignment.queue", equalTo("outbound-bdr"))
                        .body("assignment.owningOrg", equalTo("SALES")));
    }

    @Test
    void xenaTouchingHerLeadMarksTheClockMet() {
        String id = RunningPlatform.capture(Leads.inboundItSecurityLead());
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                lead(id, "xena").statusCode(200).body("slaClocks[0].status", equalTo("RUNNING")));

        // xavier works another queue: xena's lead does not exist for him.
        given().auth().oauth2(KeycloakTokens.of("xavier")).contentType(ContentType.JSON).body("{}")
                .post(gatewayUrl() + "/api/leads/" + id + "/touch").then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.of("xavier")).get(gatewayUrl() + "/api/leads/" + id + "/routing")
                .then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON).body("{}")
                .post(gatewayUrl() + "/api/leads/" + id + "/touch").then().statusCode(200);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                lead(id, "xena").body("slaClocks[0].status", equalTo("MET")));
        given().auth().oauth2(KeycloakTokens.of("lea")).queryParam("leadId", id)
                .get(gatewayUrl() + "/api/sla/clocks")
                .then().statusCode(200).body("[0].status", equalTo("MET"));
    }

    @Test
    void aLeadLeftUntouchedPastItsSlaEmitsExactlyOneBreach() {
        String id = RunningPlatform.capture(Leads.inboundItSecurityLead());
        List<String> seen = new ArrayList<>();
        Duration wait = RunningPlatform.FIRST_TOUCH_SLA.plusSeconds(15);
        await().atMost(wait).pollInterval(Duration.ofMillis(250)).until(() -> breachesOf(id, seen) == 1);
        // Hold on a while: a second timer pass or a redelivery must not breach the clock again.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> breachesOf(id, seen) == 1);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                lead(id, "mara").body("slaClocks[0].status", equalTo("BREACHED")));
    }

    private static long breachesOf(String leadId, List<String> seen) {
        seen.addAll(broker.drain(breaches));
        return seen.stream().filter(m -> m.contains("\"subject\":\"" + leadId + "\"")).count();
    }

    @Test
    void theGatewayServesThePlatformsOpenApi() {
        List<String> paths = new ArrayList<>(given().get(gatewayUrl() + "/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths").keySet().stream()
                .map(Object::toString).toList());
        assertThat(paths).contains("/api/leads", "/api/leads/{id}", "/api/scoring/models", "/api/me/leads",
                "/api/sla/clocks");
    }
}
