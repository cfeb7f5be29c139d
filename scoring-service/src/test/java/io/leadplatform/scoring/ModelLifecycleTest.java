package io.leadplatform.scoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.GoldenFixtures;
import io.leadplatform.scoring.service.DecayPass;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.MutableClock;
import io.leadplatform.support.testing.TestBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Model versions, rule checking, activation with background re-scoring, explanations and decay over time. */
@QuarkusTest
class ModelLifecycleTest {

    static final String DEFAULT_MODEL = "00000000-0000-4000-8000-000000000001";

    static TestBroker broker;
    static String qualified;

    @Inject
    MutableClock clock;
    @Inject
    DecayPass decayPass;

    @BeforeAll
    static void connect() {
        broker = TestBroker.connect("lead-platform-test-scoring");
        qualified = broker.tap(EventTypes.LEAD_QUALIFIED);
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    static String mara() {
        return KeycloakTokens.of("mara");
    }

    static Map<String, Object> model(String version, Object definition) {
        return Map.of("name", "Test model", "version", version, "definition", definition);
    }

    static JsonPath score(UUID lead) {
        return given().auth().oauth2(mara()).get("/api/leads/" + lead + "/score")
                .then().statusCode(200).extract().jsonPath();
    }

    UUID capture(Object... profileChanges) {
        UUID lead = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_CAPTURED, profileChanges.length == 0
                ? GoldenFixtures.instance(EventTypes.LEAD_CAPTURED, lead)
                : GoldenFixtures.instance(EventTypes.LEAD_CAPTURED, lead, profileChanges));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(mara()).get("/api/leads/" + lead + "/score").then().statusCode(200));
        return lead;
    }

    void engage(UUID lead, String type, Double value, Instant at) {
        broker.publish(EventTypes.LEAD_ENGAGED, GoldenFixtures.instance(EventTypes.LEAD_ENGAGED, lead,
                "engagementId", UUID.randomUUID(), "type", type, "value", value, "occurredAt", at.toString()));
    }

    static void activateAndWait(String modelId) {
        given().auth().oauth2(mara()).post("/api/scoring/models/" + modelId + "/activate")
                .then().statusCode(202).body("status", equalTo("ACTIVE"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(mara()).get("/api/scoring/models/" + modelId).then().statusCode(200)
                        .body("rescore.status", equalTo("DONE")));
    }

    @Test
    void aBrokenRuleIsRejectedNamingTheRuleAndWhereItFails() {
        ObjectNode definition = (ObjectNode) Models.resource("true-lead");
        ((ObjectNode) definition.withArray("fitRules").get(2)).put("when", "lead.industry == ");
        given().auth().oauth2(mara()).contentType(ContentType.JSON)
                .body(model("broken-" + UUID.randomUUID(), definition)).post("/api/scoring/models")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("fitRules[2].when"))
                .body("errors[0].message", startsWith("line 1, column "));

        ((ObjectNode) definition.withArray("fitRules").get(2)).put("when", "lead.industry == 'SaaS'");
        definition.put("sql", "grade == 'A' &&\n lead.revenue > 1000000");
        given().auth().oauth2(mara()).contentType(ContentType.JSON)
                .body(model("broken-" + UUID.randomUUID(), definition)).post("/api/scoring/models")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("sql"))
                .body("errors[0].message", equalTo("line 2, column 2: unknown variable 'lead.revenue'"));

        given().auth().oauth2(mara()).contentType(ContentType.JSON)
                .body(model("broken-" + UUID.randomUUID(), Map.of("fitRule", List.of())))
                .post("/api/scoring/models")
                .then().statusCode(400).body("errors[0].field", equalTo("definition.fitRule"));
        given().auth().oauth2(mara()).contentType(ContentType.JSON)
                .body(model("broken-" + UUID.randomUUID(), Map.of("mql", "events.size() > 'x'")))
                .post("/api/scoring/models")
                .then().statusCode(400).body("errors[0].field", equalTo("mql"))
                .body("errors[0].message", containsString("column"));
    }

    @Test
    void activatingAVersionRetiresTheOldOneAndReScoresEveryLeadInTheBackground() {
        UUID lead = capture();
        assertThat(score(lead).getString("modelVersion")).isEqualTo("default-1");
        assertThat(score(lead).getInt("fitScore")).isEqualTo(55);

        String version = "true-lead-" + UUID.randomUUID();
        String id = given().auth().oauth2(mara()).contentType(ContentType.JSON)
                .body(model(version, Models.resource("true-lead"))).post("/api/scoring/models")
                .then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        given().auth().oauth2(KeycloakTokens.of("xena")).post("/api/scoring/models/" + id + "/activate")
                .then().statusCode(403);
        try {
            activateAndWait(id);
            JsonPath model = given().auth().oauth2(mara()).get("/api/scoring/models/" + id)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(model.getInt("rescore.done")).isEqualTo(model.getInt("rescore.total")).isPositive();

            List<Map<String, Object>> models = given().auth().oauth2(mara()).get("/api/scoring/models")
                    .then().statusCode(200).extract().jsonPath().getList("");
            assertThat(models).filteredOn(m -> m.get("status").equals("ACTIVE")).extracting(m -> m.get("version"))
                    .containsExactly(version);
            assertThat(models).filteredOn(m -> m.get("version").equals("default-1"))
                    .extracting(m -> m.get("status")).containsExactly("RETIRED");

            JsonPath rescored = score(lead);
            assertThat(rescored.getString("modelVersion")).isEqualTo(version);
            assertThat(rescored.getInt("fitScore")).isEqualTo(50);
            assertThat(rescored.getList("history.modelVersion")).containsExactly("default-1", version);
            // the new model's MQL criterion no longer holds, but a qualified lead does not flap back
            assertThat(rescored.getString("stage")).isEqualTo("MQL");
            assertThat(rescored.getList("criteriaMet")).isEmpty();
        } finally {
            activateAndWait(DEFAULT_MODEL);
        }
        given().auth().oauth2(mara()).post("/api/scoring/models/" + DEFAULT_MODEL + "/activate")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().auth().oauth2(mara()).get("/api/scoring/models/" + id).then().body("status", equalTo("RETIRED"));
        assertThat(score(lead).getString("modelVersion")).isEqualTo("default-1");
    }

    @Test
    void theContributionsOfTheFiredRulesAddUpToTheScores() {
        UUID lead = capture();
        Instant now = clock.instant();
        engage(lead, "demo_requested", null, now.minus(Duration.ofDays(9)));
        engage(lead, "page_view", null, now.minus(Duration.ofDays(3)));
        engage(lead, "page_view", null, now.minus(Duration.ofHours(5)));
        engage(lead, "nps_submitted", 10.0, now.minus(Duration.ofDays(2)));
        engage(lead, "nps_submitted", 4.0, now);
        engage(lead, "email_click", null, now.minus(Duration.ofDays(20)));
        await().atMost(Duration.ofSeconds(30)).until(() -> score(lead).getList("history").size() == 7);

        JsonPath score = score(lead);
        List<Map<String, Object>> contributions = score.getList("contributions");
        assertThat(sum(contributions, "fit")).isEqualByComparingTo(BigDecimal.valueOf(score.getInt("fitScore")));
        assertThat(sum(contributions, "engagement"))
                .isEqualByComparingTo(BigDecimal.valueOf(score.getInt("engagementScore")));
        assertThat(contributions).extracting(c -> c.get("rule")).contains("demo_requested", "page_view",
                "nps_submitted", "email_click", "senior-title");
        assertThat(score.getInt("engagementScore")).isBetween(30, 45);
    }

    static BigDecimal sum(List<Map<String, Object>> contributions, String axis) {
        return contributions.stream().filter(c -> c.get("axis").equals(axis))
                .map(c -> new BigDecimal(c.get("points").toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void engagementDecaysAsTimePassesWithoutNewEvents() {
        UUID lead = capture("profile", Map.of("email", "small@tiny.example", "direction", "inbound",
                "employees", 5));
        Instant now = clock.instant();
        engage(lead, "demo_requested", null, now);
        engage(lead, "chat_agreed", null, now);
        await().atMost(Duration.ofSeconds(30)).until(() -> score(lead).getInt("engagementScore") == 40);
        int entries = score(lead).getList("history").size();

        clock.advance(Duration.ofDays(30));
        assertThat(decayPass.run()).isPositive();

        JsonPath decayed = score(lead);
        assertThat(decayed.getInt("engagementScore")).isEqualTo(20);
        assertThat(decayed.getList("history")).hasSize(entries + 1);
        assertThat(decayed.getString("scoredAt")).isEqualTo(clock.instant().toString());
        assertThat(sum(decayed.getList("contributions"), "engagement")).isEqualByComparingTo("20");

        decayPass.run(); // nothing moved since
        assertThat(score(lead).getList("history")).hasSize(entries + 1);
    }

    @Test
    void aLeadWhosePenaltyWearsOffIsQualifiedByTheDecayPassWithoutANewEvent() {
        Map<String, Object> recovering = Map.of(
                "engagementRules", List.of(
                        Map.of("type", "demo_requested", "points", 25, "cap", 25, "halfLife", "P365D"),
                        Map.of("type", "unsubscribe", "points", -30, "cap", -30, "halfLife", "P1D")),
                "mql", "engagement >= 10");
        String id = given().auth().oauth2(mara()).contentType(ContentType.JSON)
                .body(model("recovering-" + UUID.randomUUID(), recovering)).post("/api/scoring/models")
                .then().statusCode(201).extract().path("id");
        try {
            activateAndWait(id);
            UUID lead = capture("profile", Map.of("email", "penalised@tiny.example", "direction", "inbound"));
            Instant now = clock.instant();
            engage(lead, "unsubscribe", null, now); // first, so that the demo alone never scores
            await().atMost(Duration.ofSeconds(30)).until(() -> score(lead).getList("history").size() == 2);
            engage(lead, "demo_requested", null, now);
            await().atMost(Duration.ofSeconds(30)).until(() -> score(lead).getList("history").size() == 3);
            assertThat(score(lead).getInt("engagementScore")).isZero();
            assertThat(score(lead).getString("stage")).isEqualTo("LEAD");

            clock.advance(Duration.ofDays(2));
            decayPass.run();

            JsonPath recovered = score(lead);
            assertThat(recovered.getInt("engagementScore")).isEqualTo(17);
            assertThat(recovered.getString("stage")).isEqualTo("MQL");
            List<String> seen = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                seen.addAll(broker.drain(qualified));
                return seen.stream().anyMatch(m -> m.contains(lead.toString()) && m.contains("\"stage\":\"MQL\""));
            });
        } finally {
            activateAndWait(DEFAULT_MODEL);
        }
    }
}
