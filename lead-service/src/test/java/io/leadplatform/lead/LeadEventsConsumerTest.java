package io.leadplatform.lead;

import io.leadplatform.events.EventTypes;
import io.leadplatform.events.GoldenFixtures;
import io.leadplatform.events.Leads;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.TestBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The read model consumer on the real broker: duplicates have one effect, poison goes to the DLQ. */
@QuarkusTest
class LeadEventsConsumerTest {

    static final String DLQ = "lead-service.events.dlq";
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

    private static UUID newLead() {
        return UUID.fromString(LeadResourceTest.capture(Leads.inboundItSecurityLead()));
    }

    @Test
    void theSameQualifiedEventTwiceChangesTheStageOnce() {
        UUID lead = newLead();
        String stageChanges = broker.tap(EventTypes.LEAD_STAGE_CHANGED);
        UUID eventId = UUID.randomUUID();
        byte[] qualified = GoldenFixtures.instance(EventTypes.LEAD_QUALIFIED, eventId, lead);
        broker.publish(EventTypes.LEAD_QUALIFIED, qualified);
        broker.publish(EventTypes.LEAD_QUALIFIED, qualified);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + lead)
                        .then().body("stage", equalTo("MQL")));
        await().atMost(Duration.ofSeconds(10)).until(() -> processedCount(eventId) == 1);
        // Both deliveries have been consumed once the queue is empty; only one stage change was published.
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.messageCount("lead-service.events") == 0);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                broker.messageCount(stageChanges) == 1);
        assertThat(broker.drain(stageChanges)).singleElement().asString().contains(lead.toString());
    }

    @Test
    void assignmentAndClocksAppearOnTheLead() {
        UUID lead = newLead();
        broker.publish(EventTypes.LEAD_ASSIGNED, GoldenFixtures.instance(EventTypes.LEAD_ASSIGNED, lead));
        broker.publish(EventTypes.SLA_STARTED, GoldenFixtures.instance(EventTypes.SLA_STARTED, lead,
                "clockId", UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.of("xena")).get("/api/leads/" + lead)
                        .then().statusCode(200)
                        .body("assignment.assignee", equalTo("xena"))
                        .body("assignment.owningOrg", equalTo("MARKETING"))
                        .body("slaClocks", hasSize(1))
                        .body("slaClocks[0].status", equalTo("RUNNING")));
    }

    @Test
    void aRejectionEndsTheAssignmentAndACancelledClockShowsCancelled() {
        UUID lead = newLead();
        UUID assignment = UUID.randomUUID();
        UUID clock = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ASSIGNED, GoldenFixtures.instance(EventTypes.LEAD_ASSIGNED, lead,
                "assignmentId", assignment));
        broker.publish(EventTypes.SLA_STARTED, GoldenFixtures.instance(EventTypes.SLA_STARTED, lead,
                "clockId", clock));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + lead).then()
                        .body("assignment.assignmentId", equalTo(assignment.toString()))
                        .body("slaClocks[0].status", equalTo("RUNNING")));

        broker.publish(EventTypes.LEAD_REJECTED, GoldenFixtures.instance(EventTypes.LEAD_REJECTED, lead,
                "assignmentId", assignment, "rejectedAt", Instant.now().toString()));
        broker.publish(EventTypes.SLA_UPDATED, GoldenFixtures.instance(EventTypes.SLA_UPDATED, lead,
                "clockId", clock, "status", "CANCELLED"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + lead).then()
                        .body("stage", equalTo("RECYCLED"))
                        .body("assignment", nullValue())
                        .body("slaClocks[0].status", equalTo("CANCELLED")));
    }

    @Test
    void aMalformedMessageIsDeadLetteredAndTheNextOneStillApplies() {
        UUID lead = newLead();
        long dlqBefore = broker.messageCount(DLQ);
        broker.publish(EventTypes.LEAD_ASSIGNED, "{ this is not json");
        broker.publish(EventTypes.LEAD_ASSIGNED, "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID()
                + "\",\"source\":\"x\",\"type\":\"lead.unknown\",\"time\":\"2026-01-01T00:00:00Z\"}");
        broker.publish(EventTypes.LEAD_ASSIGNED, GoldenFixtures.instance(EventTypes.LEAD_ASSIGNED, lead));

        await().atMost(Duration.ofSeconds(15)).until(() -> broker.messageCount(DLQ) == dlqBefore + 2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + lead)
                        .then().body("assignment.assignee", equalTo("xena")));
    }

    private long processedCount(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM processed_message WHERE event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue());
    }
}
