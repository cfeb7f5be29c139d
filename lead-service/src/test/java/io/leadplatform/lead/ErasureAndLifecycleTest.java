package io.leadplatform.lead;

import io.leadplatform.events.EventTypes;
import io.leadplatform.events.GoldenFixtures;
import io.leadplatform.events.Leads;
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
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ErasureAndLifecycleTest {

    static TestBroker broker;

    @Inject
    EntityManager em;

    @BeforeAll
    static void connect() {
        broker = TestBroker.connect("lead-platform-test-lead");
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    @Test
    void erasureLeavesTheEmailInNoTableAndKeepsAnAnonymousCount() {
        String erased = broker.tap(EventTypes.LEAD_ERASED);
        Map<String, Object> body = Leads.inboundItSecurityLead();
        String email = ((String) body.get("email")).strip().toLowerCase();
        String id = given().auth().oauth2(KeycloakTokens.of("mara")).header("Idempotency-Key", UUID.randomUUID())
                .contentType(ContentType.JSON).body(body).post("/api/leads")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase(), "type", "demo_requested"))
                .post("/api/leads/events").then().statusCode(201);
        // Merging adds a lead.updated whose payload also carries the email.
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                .body(Map.of("email", email, "utmSource", "newsletter", "jobTitle", "x", "interests", List.of("ai")))
                .post("/api/leads").then().statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> count(
                "SELECT count(*) FROM outbox_message WHERE subject = '" + id + "' AND sent_at IS NULL") == 0);
        assertThat(tablesContaining(email)).contains("lead", "outbox_message");

        given().auth().oauth2(KeycloakTokens.of("pat")).get("/api/leads/" + id + "/export").then().statusCode(200)
                .body("lead.email", equalTo(email))
                .body("engagement", hasSize(1))
                .body("engagement[0].type", equalTo("demo_requested"))
                .body("timeline.kind", hasItem("captured"));
        given().auth().oauth2(KeycloakTokens.of("xena")).delete("/api/leads/" + id).then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("mara")).delete("/api/leads/" + id).then().statusCode(204);

        assertThat(tablesContaining(email)).isEmpty();
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + id).then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + id + "/export").then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.of("mara")).delete("/api/leads/" + id).then().statusCode(404);
        assertThat(count("SELECT count(*) FROM lead WHERE id = '" + id + "' AND channel = 'paid' "
                + "AND erased_at IS NOT NULL")).isOne();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(broker.drain(erased))
                .anySatisfy(m -> assertThat(m).contains(id).doesNotContain(email)));
    }

    @Test
    void aRejectionRecyclesTheLeadAndAStaleOneDoesNot() {
        UUID lead = UUID.fromString(LeadResourceTest.capture(Leads.inboundItSecurityLead()));
        Instant now = Instant.now();
        broker.publish(EventTypes.LEAD_QUALIFIED, GoldenFixtures.instance(EventTypes.LEAD_QUALIFIED, lead,
                "qualifiedAt", now.plusSeconds(1).toString()));
        broker.publish(EventTypes.LEAD_ASSIGNED, GoldenFixtures.instance(EventTypes.LEAD_ASSIGNED, lead,
                "assignedAt", now.plusSeconds(2).toString()));
        broker.publish(EventTypes.LEAD_REJECTED, GoldenFixtures.instance(EventTypes.LEAD_REJECTED, lead,
                "rejectedAt", now.plusSeconds(3).toString(), "reason", "no-budget"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + lead)
                        .then().body("stage", equalTo("RECYCLED")));
        // An acceptance older than the rejection arrives late: the lead stays recycled.
        broker.publish(EventTypes.LEAD_ACCEPTED, GoldenFixtures.instance(EventTypes.LEAD_ACCEPTED, lead,
                "acceptedAt", now.plusSeconds(2).toString()));
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.messageCount("lead-service.events") == 0);
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + lead)
                .then().body("stage", equalTo("RECYCLED"));

        var timeline = given().auth().oauth2(KeycloakTokens.of("sam")).get("/api/leads/" + lead + "/timeline")
                .then().statusCode(200).extract().jsonPath();
        assertThat(timeline.getList("kind", String.class))
                .containsSubsequence("captured", "stage-changed", "assigned", "rejected", "stage-changed");
        assertThat(timeline.getString("find { it.kind == 'rejected' }.detail.reason")).isEqualTo("no-budget");

        given().auth().oauth2(KeycloakTokens.of("mara")).queryParam("stage", "RECYCLED").queryParam("size", 1000)
                .get("/api/leads").then().statusCode(400);
        given().auth().oauth2(KeycloakTokens.of("mara")).queryParam("stage", "RECYCLED").queryParam("size", 200)
                .get("/api/leads").then().statusCode(200).body("items.id", hasItem(lead.toString()));
        var report = given().auth().oauth2(KeycloakTokens.of("sol")).queryParam("groupBy", "org")
                .queryParam("from", now.minusSeconds(60).toString()).get("/api/reports/funnel")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("groups.find { it.group == 'MARKETING' }.rejectionReasons.no-budget"))
                .isGreaterThanOrEqualTo(1);
        assertThat(report.getInt("groups.find { it.group == 'MARKETING' }.stages.RECYCLED"))
                .isGreaterThanOrEqualTo(1);
    }

    /** The public tables with a row whose text contains the value. */
    private List<String> tablesContaining(String value) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> tables = em.createNativeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").getResultList();
            return tables.stream().filter(t -> ((Number) em.createNativeQuery(
                            "SELECT count(*) FROM \"" + t + "\" x WHERE lower(x::text) LIKE :v")
                    .setParameter("v", "%" + value.toLowerCase() + "%").getSingleResult()).longValue() > 0).toList();
        });
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
