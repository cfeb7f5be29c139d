package io.leadplatform.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.GoldenFixtures;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.TestBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Reject, hand-off and reassign with their events, object-level access and the work lists. */
@QuarkusTest
class XdrActionsTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static TestBroker broker;
    static EventTap events;

    @Inject
    RoutingDatabase db;

    @BeforeAll
    static void connect() {
        broker = TestBroker.connect(RoutingEventsConsumerTest.VHOST);
        events = EventTap.on(broker, EventTypes.LEAD_REJECTED, EventTypes.LEAD_HANDED_OFF, EventTypes.LEAD_REASSIGNED,
                EventTypes.LEAD_ASSIGNED);
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    @Test
    void aRejectionNeedsAKnownReasonCode() {
        UUID lead = xenasLead();
        for (Object body : List.of(Map.of(), Map.of("reason", "too-expensive"))) {
            given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON).body(body)
                    .post("/api/leads/" + lead + "/reject")
                    .then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo("reason"))
                    .body("errors[0].message", containsString("no-budget"));
        }
        TestRouting.routingOf(lead).body("assignment.status", equalTo("ACTIVE"));
    }

    @Test
    void theAssigneeRejectsWithAReasonAndTheLeadIsRecycled() {
        UUID lead = xenasLead();
        given().auth().oauth2(KeycloakTokens.of("xavier")).contentType(ContentType.JSON)
                .body(Map.of("reason", "no-budget")).post("/api/leads/" + lead + "/reject")
                .then().statusCode(404);

        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON)
                .body(Map.of("reason", "no-budget", "note", "budget frozen until Q3"))
                .post("/api/leads/" + lead + "/reject")
                .then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("endReason", equalTo("no-budget"));

        JsonNode rejected = published(lead, EventTypes.LEAD_REJECTED);
        assertThat(rejected.get("data").get("reason").asText()).isEqualTo("no-budget");
        assertThat(rejected.get("data").get("assignee").asText()).isEqualTo("xena");
        assertThat(names(rejected.get("data"))).containsExactlyInAnyOrderElementsOf(
                names(GoldenFixtures.tree(EventTypes.LEAD_REJECTED).get("data")));
        assertThat(db.activeAssignments(lead)).isZero();
        given().auth().oauth2(KeycloakTokens.of("xena")).get("/api/me/leads")
                .then().statusCode(200).body("leadId", not(hasItem(lead.toString())));
        TestRouting.routingOf(lead).body("ledger.action", contains("ASSIGNED", "REJECTED"))
                .body("ledger[1].reason", containsString("budget frozen until Q3"));
    }

    @Test
    void aHandOffGoesToTheSalesOwnedAeQueue() {
        UUID lead = xenasLead();

        given().auth().oauth2(KeycloakTokens.of("xena")).post("/api/leads/" + lead + "/handoff")
                .then().statusCode(200)
                .body("queue", equalTo("sales-ae"))
                .body("owningOrg", equalTo("SALES"))
                .body("assignee", equalTo("ada"))
                .body("status", equalTo("ACTIVE"));

        JsonNode handedOff = published(lead, EventTypes.LEAD_HANDED_OFF).get("data");
        assertThat(handedOff.get("fromAssignee").asText()).isEqualTo("xena");
        assertThat(handedOff.get("toAssignee").asText()).isEqualTo("ada");
        assertThat(handedOff.get("owningOrg").asText()).isEqualTo("SALES");
        TestRouting.routingOf(lead)
                .body("ledger.action", contains("ASSIGNED", "HANDED_OFF", "ASSIGNED"))
                .body("ledger[2].reason", containsString("hand-off from xena"))
                .body("ledger[2].chosen", equalTo("ada"));
        // The lead left xena's queue: she no longer sees it.
        given().auth().oauth2(KeycloakTokens.of("xena")).get("/api/leads/" + lead + "/routing")
                .then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.of("xena")).post("/api/leads/" + lead + "/handoff")
                .then().statusCode(404);
    }

    @Test
    void managersReassignTheirTeamsLeadsAndOpsAnyLead() {
        UUID lead = xenasLead();
        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON).body("{}")
                .post("/api/leads/" + lead + "/reassign").then().statusCode(403);
        // sol manages the sales queues, not xena's: the lead does not exist for him.
        given().auth().oauth2(KeycloakTokens.of("sol")).contentType(ContentType.JSON).body("{}")
                .post("/api/leads/" + lead + "/reassign").then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.of("mel")).contentType(ContentType.JSON)
                .body(Map.of("queue", "outbound-bdr")).post("/api/leads/" + lead + "/reassign")
                .then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("mel")).contentType(ContentType.JSON)
                .body(Map.of("assignee", "nobody")).post("/api/leads/" + lead + "/reassign")
                .then().statusCode(400).body("errors[0].field", equalTo("assignee"));

        // xena is the only member: the next one in the fallback chain is the queue's manager.
        given().auth().oauth2(KeycloakTokens.of("mel")).contentType(ContentType.JSON)
                .body(Map.of("reason", "xena is on a training")).post("/api/leads/" + lead + "/reassign")
                .then().statusCode(200).body("assignee", equalTo("mel")).body("queue", equalTo("inbound-sdr"));
        JsonNode reassigned = published(lead, EventTypes.LEAD_REASSIGNED).get("data");
        assertThat(reassigned.get("assignee").asText()).isEqualTo("mel");
        assertThat(reassigned.get("reason").asText()).isEqualTo("xena is on a training");
        assertThat(db.activeAssignments(lead)).isEqualTo(1);

        given().auth().oauth2(KeycloakTokens.of("sam")).contentType(ContentType.JSON)
                .body(Map.of("queue", "outbound-bdr", "assignee", "xavier"))
                .post("/api/leads/" + lead + "/reassign")
                .then().statusCode(200).body("assignee", equalTo("xavier")).body("owningOrg", equalTo("SALES"));
        given().auth().oauth2(KeycloakTokens.of("xavier")).get("/api/leads/" + lead + "/routing")
                .then().statusCode(200).body("ledger.action", contains("ASSIGNED", "REASSIGNED", "REASSIGNED"));
        await().atMost(WAIT).until(() -> ofType(lead, EventTypes.LEAD_ASSIGNED).size() == 3);
    }

    @Test
    void aLeadThatRefusedMarketingCannotBeReassignedIntoAMarketingQueue() {
        UUID lead = UUID.randomUUID();
        assignedLead(Qualifications.inboundWithoutMarketingConsent(lead), lead);
        given().auth().oauth2(KeycloakTokens.of("pat")).contentType(ContentType.JSON)
                .body(Map.of("queue", "inbound-sdr")).post("/api/leads/" + lead + "/reassign")
                .then().statusCode(400).body("errors[0].field", equalTo("queue"));
    }

    @Test
    void xdrsSeeOnlyTheirQueuesAndWorkIsOrderedBySlaDueTimeThenScore() {
        UUID later = xenasLead();
        UUID sooner = xenasLead();
        Instant due = Instant.parse("2030-01-01T10:00:00Z");
        slaStarted(later, due.plusSeconds(600));
        slaStarted(sooner, due);
        await().atMost(WAIT).untilAsserted(() -> TestRouting.routingOf(later)
                .body("assignment.slaDueAt", equalTo("2030-01-01T10:10:00Z")));
        await().atMost(WAIT).untilAsserted(() -> TestRouting.routingOf(sooner)
                .body("assignment.slaDueAt", equalTo("2030-01-01T10:00:00Z")));

        List<String> mine = given().auth().oauth2(KeycloakTokens.of("xena")).get("/api/me/leads")
                .then().statusCode(200).extract().path("leadId");
        assertThat(mine).containsSubsequence(sooner.toString(), later.toString());
        assertThat(mine.indexOf(sooner.toString())).isZero();

        given().auth().oauth2(KeycloakTokens.of("xena")).get("/api/routing/queues/" + TestRouting.INBOUND_SDR + "/leads")
                .then().statusCode(200).body("[0].leadId", equalTo(sooner.toString()));
        given().auth().oauth2(KeycloakTokens.of("xavier"))
                .get("/api/routing/queues/" + TestRouting.INBOUND_SDR + "/leads").then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.of("sol"))
                .get("/api/routing/queues/" + TestRouting.INBOUND_SDR + "/leads").then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.of("mel"))
                .get("/api/routing/queues/" + TestRouting.INBOUND_SDR + "/leads").then().statusCode(200);
        given().auth().oauth2(KeycloakTokens.of("xavier")).get("/api/leads/" + sooner + "/routing")
                .then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.of("sol")).get("/api/leads/" + sooner + "/routing")
                .then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.of("mel")).get("/api/leads/" + sooner + "/routing")
                .then().statusCode(200);
    }

    @Test
    void anXdrCannotCreateOrActivatePolicies() {
        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON)
                .body(Map.of("version", "xdr-1", "rules", List.of(Map.of("name", "d", "defaultRule", true,
                        "targetQueue", "inbound-sdr"))))
                .post("/api/routing/policies").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON).body("{}")
                .post("/api/routing/policies/" + TestRouting.DEFAULT_POLICY_ID + "/activate").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("xavier")).contentType(ContentType.JSON)
                .body(Map.of("name", "mine", "owningOrg", "SALES", "purpose", "AE"))
                .post("/api/routing/queues").then().statusCode(403);
    }

    /** A lead routed by the real consumer, through this class's own broker connection. */
    static UUID assignedLead(byte[] qualified, UUID lead) {
        broker.publish(EventTypes.LEAD_QUALIFIED, qualified);
        await().atMost(WAIT).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.of("pat")).get("/api/leads/" + lead + "/routing")
                        .then().statusCode(200));
        return lead;
    }

    static UUID xenasLead() {
        UUID lead = UUID.randomUUID();
        return assignedLead(Qualifications.inboundMql(lead), lead);
    }

    private static void slaStarted(UUID lead, Instant dueAt) {
        broker.publish(EventTypes.SLA_STARTED, GoldenFixtures.instance(EventTypes.SLA_STARTED, lead,
                "assignee", "xena", "dueAt", dueAt.toString()));
    }

    private static JsonNode published(UUID lead, String type) {
        await().atMost(WAIT).until(() -> !ofType(lead, type).isEmpty());
        return ofType(lead, type).getFirst();
    }

    private static List<JsonNode> ofType(UUID lead, String type) {
        return events.forLead(lead).stream().filter(e -> type.equals(e.get("type").asText())).toList();
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
