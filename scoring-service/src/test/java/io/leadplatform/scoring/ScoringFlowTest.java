package io.leadplatform.scoring;

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
