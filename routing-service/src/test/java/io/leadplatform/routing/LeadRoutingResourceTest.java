package io.leadplatform.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.GoldenFixtures;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.TestBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class LeadRoutingResourceTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static TestBroker broker;
    static EventTap actions;

    @BeforeAll
    static void connect() {
        broker = TestBroker.connect(RoutingEventsConsumerTest.VHOST);
        actions = EventTap.on(broker, EventTypes.LEAD_TOUCHED, EventTypes.LEAD_ACCEPTED);
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    /** A lead routed by the real consumer: inbound goes to xena, outbound to xavier. */
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

    @Test
    void theAssigneeTouchesTheLeadAndOneLeadTouchedIsPublished() {
        UUID lead = xenasLead();

        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON)
                .body(Map.of("channel", "email"))
                .post("/api/leads/" + lead + "/touch")
                .then().statusCode(200)
                .body("leadId", equalTo(lead.toString()))
                .body("assignee", equalTo("xena"))
                .body("firstTouchedAt", notNullValue());

        JsonNode touched = published(lead, EventTypes.LEAD_TOUCHED);
        assertThat(touched.get("source").asText()).isEqualTo("routing-service");
        assertThat(touched.get("data").get("assignee").asText()).isEqualTo("xena");
        assertThat(touched.get("data").get("channel").asText()).isEqualTo("email");
        assertThat(names(touched.get("data"))).containsExactlyInAnyOrderElementsOf(
                names(GoldenFixtures.tree(EventTypes.LEAD_TOUCHED).get("data")));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                ofType(lead, EventTypes.LEAD_TOUCHED).size() == 1);
        given().auth().oauth2(KeycloakTokens.of("xena")).get("/api/leads/" + lead + "/routing")
                .then().statusCode(200)
                .body("ledger.action", contains("ASSIGNED", "TOUCHED"))
                .body("ledger[1].actor", equalTo("xena"))
                .body("ledger[1].reason", equalTo("first touch by email"));
    }

    @Test
    void aTouchWithoutABodyIsACallAndTheFirstTouchTimeStays() {
        UUID lead = xenasLead();
        String first = given().auth().oauth2(KeycloakTokens.of("xena")).post("/api/leads/" + lead + "/touch")
                .then().statusCode(200).extract().path("firstTouchedAt");
        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON).body("{}")
                .post("/api/leads/" + lead + "/touch")
                .then().statusCode(200).body("firstTouchedAt", equalTo(first));

        await().atMost(WAIT).until(() -> ofType(lead, EventTypes.LEAD_TOUCHED).size() == 2);
        assertThat(ofType(lead, EventTypes.LEAD_TOUCHED))
                .allSatisfy(e -> assertThat(e.get("data").get("channel").asText()).isEqualTo("call"));
    }

    @Test
    void anXdrOfAnotherQueueCannotSeeOrTouchTheLead() {
        UUID lead = xenasLead();

        given().auth().oauth2(KeycloakTokens.of("xavier")).post("/api/leads/" + lead + "/touch")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404));
        given().auth().oauth2(KeycloakTokens.of("xavier")).post("/api/leads/" + lead + "/accept")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + lead + "/routing")
                .then().statusCode(200)
                .body("assignment.firstTouchedAt", nullValue())
                .body("assignment.acceptedAt", nullValue());
    }

    @Test
    void aLeadWithoutAnActiveAssignmentCannotBeTouched() {
        given().auth().oauth2(KeycloakTokens.of("xena")).post("/api/leads/" + UUID.randomUUID() + "/touch")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void anUnknownTouchChannelIsAValidationProblem() {
        UUID lead = xenasLead();
        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON)
                .body(Map.of("channel", "fax"))
                .post("/api/leads/" + lead + "/touch")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("channel"));
    }

    @Test
    void theAssigneeAcceptsOnceAndOneLeadAcceptedIsPublished() {
        UUID lead = xenasLead();
        String acceptedAt = given().auth().oauth2(KeycloakTokens.of("xena")).post("/api/leads/" + lead + "/accept")
                .then().statusCode(200).body("acceptedAt", notNullValue()).extract().path("acceptedAt");
        given().auth().oauth2(KeycloakTokens.of("xena")).post("/api/leads/" + lead + "/accept")
                .then().statusCode(200).body("acceptedAt", equalTo(acceptedAt));

        JsonNode accepted = published(lead, EventTypes.LEAD_ACCEPTED);
        assertThat(accepted.get("data").get("assignee").asText()).isEqualTo("xena");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                ofType(lead, EventTypes.LEAD_ACCEPTED).size() == 1);
    }

    @Test
    void tokensAreRequiredAndRolesChecked() {
        UUID lead = xenasLead();
        given().post("/api/leads/" + lead + "/touch").then().statusCode(401);
        given().post("/api/leads/" + lead + "/accept").then().statusCode(401);
        given().get("/api/leads/" + lead + "/routing").then().statusCode(401);
        given().get("/api/me/leads").then().statusCode(401);
        given().get("/api/routing/queues").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/routing/policies").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.foreignAudience("xena")).post("/api/leads/" + lead + "/touch")
                .then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.of("mara")).post("/api/leads/" + lead + "/touch")
                .then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("xena")).get("/api/routing/queues").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("xena")).get("/api/routing/policies").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("sam")).get("/api/me/leads").then().statusCode(403);
    }

    @Test
    void anXdrSeesOnlyTheirOwnLeads() {
        UUID xenas = xenasLead();
        UUID xaviers = UUID.randomUUID();
        assignedLead(Qualifications.outboundMql(xaviers), xaviers);

        given().auth().oauth2(KeycloakTokens.of("xena")).get("/api/leads/" + xenas + "/routing")
                .then().statusCode(200).body("assignment.assignee", equalTo("xena"));
        given().auth().oauth2(KeycloakTokens.of("xavier")).get("/api/leads/" + xenas + "/routing")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(KeycloakTokens.of("xena")).get("/api/me/leads")
                .then().statusCode(200)
                .body("leadId", hasItem(xenas.toString()))
                .body("leadId", not(hasItem(xaviers.toString())))
                .body("assignee", everyItem(equalTo("xena")));
        given().auth().oauth2(KeycloakTokens.of("xavier")).get("/api/me/leads")
                .then().statusCode(200)
                .body("leadId", hasItem(xaviers.toString()))
                .body("leadId", not(hasItem(xenas.toString())));
    }

    @Test
    void queuesShowTheirOwningOrgPurposeAndMembers() {
        given().auth().oauth2(KeycloakTokens.of("sam")).get("/api/routing/queues")
                .then().statusCode(200)
                .body("name", hasItems("inbound-sdr", "outbound-bdr", "sales-ae"))
                .body("find { it.name == 'inbound-sdr' }.manager", equalTo("mel"))
                .body("find { it.name == 'sales-ae' }.purpose", equalTo("AE"))
                .body("find { it.name == 'sales-ae' }.owningOrg", equalTo("SALES"))
                .body("find { it.name == 'inbound-sdr' }.owningOrg", equalTo("MARKETING"))
                .body("find { it.name == 'inbound-sdr' }.purpose", equalTo("INBOUND_SDR"))
                .body("find { it.name == 'inbound-sdr' }.strategy", equalTo("ROUND_ROBIN"))
                .body("find { it.name == 'inbound-sdr' }.members.username", contains("xena"))
                .body("find { it.name == 'outbound-bdr' }.owningOrg", equalTo("SALES"))
                .body("find { it.name == 'outbound-bdr' }.purpose", equalTo("OUTBOUND_BDR"))
                .body("find { it.name == 'outbound-bdr' }.members.username", contains("xavier"))
                .body("find { it.name == 'outbound-bdr' }.members[0].role", equalTo("BDR"));
    }

    @Test
    void policiesShowTheActiveVersionAndItsOrderedRules() {
        String p = "find { it.version == 'default-1' }";
        given().auth().oauth2(KeycloakTokens.of("lea")).get("/api/routing/policies")
                .then().statusCode(200)
                .body(p + ".description", containsString("marketing consent"))
                .body(p + ".effectiveFrom", notNullValue())
                .body(p + ".rules.name", contains("no-marketing-consent", "inbound", "outbound", "default"))
                .body(p + ".rules.targetQueue", contains("outbound-bdr", "inbound-sdr", "outbound-bdr", "inbound-sdr"))
                .body(p + ".rules[0].consentMarketing", equalTo(false))
                .body(p + ".rules[0].targetOwningOrg", equalTo("SALES"))
                .body(p + ".rules[1].direction", equalTo("inbound"))
                .body(p + ".rules[3].defaultRule", equalTo(true));
        // Other tests switch policies and switch back; default-1 is the one routing whenever no test runs.
        given().auth().oauth2(KeycloakTokens.of("lea")).get("/api/routing/policies")
                .then().statusCode(200).body("findAll { it.active }.version", contains("default-1"));
    }

    private static JsonNode published(UUID lead, String type) {
        await().atMost(WAIT).until(() -> !ofType(lead, type).isEmpty());
        return ofType(lead, type).getFirst();
    }

    private static List<JsonNode> ofType(UUID lead, String type) {
        return actions.forLead(lead).stream().filter(e -> type.equals(e.get("type").asText())).toList();
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
