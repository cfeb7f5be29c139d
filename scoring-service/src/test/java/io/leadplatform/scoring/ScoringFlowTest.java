package io.leadplatform.scoring;

import io.leadplatform.events.EventTypes;
import io.leadplatform.events.GoldenFixtures;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.TestBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Scoring on the real broker and database: lead events in, lead.scored and lead.qualified out. */
@QuarkusTest
class ScoringFlowTest {

    static TestBroker broker;
    static String qualified;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @BeforeAll
    static void connect() {
        broker = TestBroker.connect("lead-platform-test-scoring");
        qualified = broker.tap(EventTypes.LEAD_QUALIFIED);
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    static List<String> qualifiedFor(UUID lead, List<String> seen) {
        seen.addAll(broker.drain(qualified));
        return seen.stream().filter(m -> m.contains(lead.toString())).toList();
    }

    @Test
    void aStrongLeadIsQualifiedOnceEvenWhenItsEventIsDeliveredTwice() {
        UUID lead = UUID.randomUUID();
        byte[] captured = GoldenFixtures.instance(EventTypes.LEAD_CAPTURED, UUID.randomUUID(), lead);
        broker.publish(EventTypes.LEAD_CAPTURED, captured);
        broker.publish(EventTypes.LEAD_CAPTURED, captured);

        List<String> seen = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> qualifiedFor(lead, seen).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> qualifiedFor(lead, seen).size() == 1);
        assertThat(qualifiedFor(lead, seen).getFirst())
                .contains("\"stage\":\"MQL\"").contains("\"direction\":\"inbound\"").contains("\"fitGrade\":\"A\"");

        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + lead + "/score")
                .then().statusCode(200)
                .body("fitScore", equalTo(55))
                .body("stage", equalTo("MQL"))
                .body("modelVersion", equalTo("default-1"))
                .body("criteriaMet", equalTo(List.of("MQL")))
                .body("contributions.rule", hasItem("employees-over-100"))
                .body("history.size()", equalTo(1));
    }

    @Test
    void engagementTakesAnMqlToSqlAndASecondCrossingDoesNotRequalify() {
        UUID lead = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_CAPTURED, GoldenFixtures.instance(EventTypes.LEAD_CAPTURED, lead));
        List<String> seen = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> qualifiedFor(lead, seen).size() == 1);

        Instant now = clock.instant();
        for (String type : List.of("demo_requested", "chat_agreed")) {
            broker.publish(EventTypes.LEAD_ENGAGED, GoldenFixtures.instance(EventTypes.LEAD_ENGAGED, lead,
                    "engagementId", UUID.randomUUID(), "type", type, "occurredAt", now.toString()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> qualifiedFor(lead, seen).size() == 2);
        assertThat(qualifiedFor(lead, seen).get(1)).contains("\"stage\":\"SQL\"");

        broker.publish(EventTypes.LEAD_ENGAGED, GoldenFixtures.instance(EventTypes.LEAD_ENGAGED, lead,
                "engagementId", UUID.randomUUID(), "type", "webinar_attended", "occurredAt", now.toString()));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> qualifiedFor(lead, seen).size() == 2);
    }

    @Test
    void leadQualifiedCarriesTheAccountTierOfTheCapture() {
        UUID lead = UUID.randomUUID();
        // STRATEGIC, not the MID_MARKET that 450 employees imply: the tier is taken as lead-service sends it.
        broker.publish(EventTypes.LEAD_CAPTURED, GoldenFixtures.instance(EventTypes.LEAD_CAPTURED, lead,
                "profile", goldenProfile("STRATEGIC")));
        List<String> seen = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> qualifiedFor(lead, seen).size() == 1);
        var data = GoldenFixtures.parse(qualifiedFor(lead, seen).getFirst()).get("data");
        assertThat(data.get("stage").asText()).isEqualTo("MQL");
        assertThat(data.get("accountTier").asText()).isEqualTo("STRATEGIC");
        assertThat(data.get("fitScore").asInt()).isEqualTo(55);
    }

    @Test
    void aLaterLeadUpdatedChangesTheTierThatTheNextQualificationCarries() {
        UUID lead = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_CAPTURED, GoldenFixtures.instance(EventTypes.LEAD_CAPTURED, lead,
                "profile", goldenProfile("SMB")));
        List<String> seen = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> qualifiedFor(lead, seen).size() == 1);
        assertThat(GoldenFixtures.parse(qualifiedFor(lead, seen).getFirst()).get("data").get("accountTier").asText())
                .isEqualTo("SMB");

        // Ops set the account's tier: lead-service sends the same profile with the new tier (version 2).
        broker.publish(EventTypes.LEAD_UPDATED, GoldenFixtures.instance(EventTypes.LEAD_UPDATED, lead,
                "profile", goldenProfile("ENTERPRISE")));
        await().atMost(Duration.ofSeconds(10)).until(() -> "ENTERPRISE".equals(storedTier(lead)));
        // The tier is no scoring input: the re-score the update causes keeps the fit.
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + lead + "/score")
                .then().statusCode(200).body("fitScore", equalTo(55)).body("history.size()", equalTo(2));

        Instant now = clock.instant();
        for (String type : List.of("demo_requested", "chat_agreed")) {
            broker.publish(EventTypes.LEAD_ENGAGED, GoldenFixtures.instance(EventTypes.LEAD_ENGAGED, lead,
                    "engagementId", UUID.randomUUID(), "type", type, "occurredAt", now.toString()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> qualifiedFor(lead, seen).size() == 2);
        var sql = GoldenFixtures.parse(qualifiedFor(lead, seen).get(1)).get("data");
        assertThat(sql.get("stage").asText()).isEqualTo("SQL");
        assertThat(sql.get("accountTier").asText()).isEqualTo("ENTERPRISE");
    }

    /** The golden lead.captured profile (a lead the default model qualifies as MQL) with another account tier. */
    static com.fasterxml.jackson.databind.JsonNode goldenProfile(String accountTier) {
        var profile = (com.fasterxml.jackson.databind.node.ObjectNode) GoldenFixtures.tree(EventTypes.LEAD_CAPTURED)
                .get("data").get("profile");
        return profile.put("accountTier", accountTier);
    }

    private String storedTier(UUID lead) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("SELECT account_tier FROM lead_profile WHERE lead_id = :id")
                    .setParameter("id", lead).getResultList();
            return rows.isEmpty() ? null : (String) rows.getFirst();
        });
    }

    @Test
    void aWeakLeadIsScoredButNotQualified() {
        UUID lead = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_CAPTURED, GoldenFixtures.instance(EventTypes.LEAD_CAPTURED, lead,
                "profile", Map.of("email", "intern@tiny.example", "direction", "inbound", "employees", 5)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + lead + "/score")
                        .then().statusCode(200).body("fitGrade", equalTo("D")).body("stage", equalTo("LEAD")));
        assertThat(qualifiedFor(lead, new java.util.ArrayList<>())).isEmpty();
    }

    @Test
    void aMalformedMessageIsDeadLetteredAndTheNextOneStillApplies() {
        String dlq = "scoring-service.events.dlq";
        long before = broker.messageCount(dlq);
        UUID lead = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_CAPTURED, "[1, 2, 3]");
        broker.publish(EventTypes.LEAD_CAPTURED, GoldenFixtures.instance(EventTypes.LEAD_CAPTURED, lead));
        await().atMost(Duration.ofSeconds(15)).until(() -> broker.messageCount(dlq) == before + 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + lead + "/score")
                        .then().statusCode(200));
    }

    @Test
    void onlyMarketingOpsAndAdminsCreateModels() {
        Map<String, Object> draft = Map.of("name", "Q1 model", "version", "q1-" + UUID.randomUUID(),
                "definition", Map.of("fitRules", List.of()));
        given().contentType(ContentType.JSON).body(draft).post("/api/scoring/models").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON).body(draft)
                .post("/api/scoring/models").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON).body(draft)
                .post("/api/scoring/models").then().statusCode(201).body("status", equalTo("DRAFT"));
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/scoring/models")
                .then().statusCode(200).body("version", hasItem("default-1"));
    }

    @Test
    void aDraftWithoutDefinitionNamesTheField() {
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "version", "v-" + UUID.randomUUID()))
                .post("/api/scoring/models")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("definition"));
    }
}
