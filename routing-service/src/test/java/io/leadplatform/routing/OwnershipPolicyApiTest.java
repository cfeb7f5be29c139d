package io.leadplatform.routing;

import io.leadplatform.routing.service.RoutingEventHandler;
import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadplatform.routing.TestRouting.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;

/** Ownership policies as data: validated, switched by activation, and simulated beforehand. */
@QuarkusTest
class OwnershipPolicyApiTest {

    @Inject
    RoutingEventHandler routing;

    @AfterEach
    void restore() {
        restoreDefaultPolicy();
    }

    @Test
    void switchingInboundMqlsToASalesOwnedSdrQueueChangesTheOrgOnNewAssignments() {
        UUID before = route(routing, qualified(UUID.randomUUID(), "Retail", null));
        routingOf(before).body("assignment.owningOrg", equalTo("MARKETING"))
                .body("assignment.policyVersion", equalTo("default-1"));

        String salesSdr = createQueue(Map.of("name", unique("sales-sdr"), "owningOrg", "SALES",
                "purpose", "INBOUND_SDR", "manager", "sol"));
        members(salesSdr, List.of(member("sally", "manager", "sol")));
        String version = unique("sales-owns-inbound");
        String policy = given().auth().oauth2(KeycloakTokens.of("sam")).contentType(ContentType.JSON)
                .body(Map.of("version", version, "description", "inbound MQLs go to a sales-owned SDR queue",
                        "rules", List.of(
                                Map.of("name", "inbound-mql", "direction", "inbound", "stage", "MQL",
                                        "targetQueue", salesSdr),
                                Map.of("name", "default", "defaultRule", true, "targetQueue", "outbound-bdr"))))
                .post("/api/routing/policies").then().statusCode(201)
                .body("active", equalTo(false)).body("effectiveFrom", nullValue())
                .body("rules[0].stage", equalTo("MQL"))
                .extract().path("id");

        // Activated for next Monday: nothing changes yet.
        given().auth().oauth2(KeycloakTokens.of("sam")).contentType(ContentType.JSON)
                .body(Map.of("effectiveAt", Instant.now().plusSeconds(3 * 86400).toString()))
                .post("/api/routing/policies/" + policy + "/activate").then().statusCode(200)
                .body("active", equalTo(false));
        UUID stillMarketing = route(routing, qualified(UUID.randomUUID(), "Retail", null));
        routingOf(stillMarketing).body("assignment.owningOrg", equalTo("MARKETING"));

        activate(policy);
        UUID after = route(routing, qualified(UUID.randomUUID(), "Retail", null));
        routingOf(after)
                .body("assignment.owningOrg", equalTo("SALES"))
                .body("assignment.assignee", equalTo("sally"))
                .body("assignment.policyVersion", equalTo(version))
                .body("assignment.rule", equalTo("inbound-mql"))
                .body("ledger[0].policyVersion", equalTo(version));
        given().auth().oauth2(KeycloakTokens.of("lea")).get("/api/routing/policies")
                .then().statusCode(200)
                .body("find { it.version == '" + version + "' }.active", equalTo(true))
                .body("find { it.version == 'default-1' }.active", equalTo(false));

        restoreDefaultPolicy();
        UUID back = route(routing, qualified(UUID.randomUUID(), "Retail", null));
        routingOf(back).body("assignment.owningOrg", equalTo("MARKETING"));
    }

    @Test
    void aPolicyNeedsExactlyOneDefaultRuleAndKnownQueues() {
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                .body(Map.of("version", unique("no-default"), "rules", List.of(
                        Map.of("name", "inbound", "direction", "inbound", "targetQueue", "inbound-sdr"))))
                .post("/api/routing/policies").then().statusCode(400)
                .body("errors[0].field", equalTo("rules"))
                .body("errors[0].message", containsString("default rule"));
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                .body(Map.of("version", unique("bad-queue"), "rules", List.of(
                        Map.of("name", "default", "defaultRule", true, "targetQueue", "no-such-queue"))))
                .post("/api/routing/policies").then().statusCode(400)
                .body("errors[0].field", equalTo("rules[0].targetQueue"));
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                .body(Map.of("version", unique("bad-grade"), "rules", List.of(
                        Map.of("name", "z", "fitGrades", List.of("Z"), "targetQueue", "inbound-sdr"),
                        Map.of("name", "default", "defaultRule", true, "targetQueue", "inbound-sdr"))))
                .post("/api/routing/policies").then().statusCode(400)
                .body("errors[0].field", equalTo("rules[0].fitGrades"));
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                .body(Map.of("version", "default-1", "rules", List.of(
                        Map.of("name", "default", "defaultRule", true, "targetQueue", "inbound-sdr"))))
                .post("/api/routing/policies").then().statusCode(409);
    }

    @Test
    void aSimulationReplaysRecentLeadsThroughTheDraftNextToTheActivePolicy() {
        for (int i = 0; i < 3; i++) {
            route(routing, qualified(UUID.randomUUID(), "Retail", null));
        }
        String salesOnly = given().auth().oauth2(KeycloakTokens.of("sam")).contentType(ContentType.JSON)
                .body(Map.of("version", unique("sales-only"), "rules", List.of(
                        Map.of("name", "grade-a", "fitGrades", List.of("A"), "engagementBands", List.of("MEDIUM"),
                                "targetQueue", "outbound-bdr"),
                        Map.of("name", "default", "defaultRule", true, "targetQueue", "outbound-bdr"))))
                .post("/api/routing/policies").then().statusCode(201).extract().path("id");

        var result = given().auth().oauth2(KeycloakTokens.of("lea")).contentType(ContentType.JSON)
                .body(Map.of("days", 7)).post("/api/routing/policies/" + salesOnly + "/simulate")
                .then().statusCode(200)
                .body("days", equalTo(7))
                .body("leads", greaterThan(2))
                .body("draft.byRule.grade-a", greaterThan(2))
                .body("draft.byQueue.outbound-bdr", greaterThan(2))
                .body("active.version", equalTo("default-1"))
                .body("active.byOrg.MARKETING", greaterThan(2))
                .body("active.byRep.xena", greaterThan(2))
                .extract().jsonPath();
        int leads = result.getInt("leads");
        assertThat(result.getInt("draft.byOrg.SALES")).isEqualTo(leads);
        assertThat(result.getMap("draft.byOrg")).doesNotContainKey("MARKETING");
        assertThat(result.getMap("active.byOrg", String.class, Integer.class).values().stream()
                .mapToInt(Integer::intValue).sum() + result.getInt("active.unroutable")).isEqualTo(leads);
        given().auth().oauth2(KeycloakTokens.of("lea")).contentType(ContentType.JSON)
                .body(Map.of("days", 0)).post("/api/routing/policies/" + salesOnly + "/simulate")
                .then().statusCode(400).body("errors[0].field", equalTo("days"));
    }
}
