package io.leadplatform.sla;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.GoldenFixtures;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.MutableClock;
import io.leadplatform.support.testing.TestBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.leadplatform.events.EventTypes.SLA_BREACHED;
import static io.leadplatform.events.EventTypes.SLA_MET;
import static io.leadplatform.events.EventTypes.SLA_STARTED;
import static io.leadplatform.events.EventTypes.SLA_UPDATED;
import static io.leadplatform.events.EventTypes.SLA_WARNING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The clocks driven by routing events on the real broker and database, with the service's clock in hand. */
@QuarkusTest
class SlaEventsConsumerTest {

    static final String QUEUE = "sla-service.events";
    static final String DLQ = "sla-service.events.dlq";
    static final Duration WAIT = Duration.ofSeconds(15);

    static TestBroker broker;
    static PublishedEvents published;

    @Inject
    MutableClock clock;
    @Inject
    EntityManager em;

    @BeforeAll
    static void connect() {
        broker = TestBroker.connect("lead-platform-test-sla");
        published = new PublishedEvents(broker, SLA_STARTED, SLA_WARNING, SLA_BREACHED, SLA_MET, SLA_UPDATED);
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    @Test
    void anAssignmentStartsAFirstTouchClockDueInFiveMinutes() {
        UUID lead = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        Instant start = clock.instant();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, assignment, start));

        JsonNode started = await().atMost(WAIT).until(() -> published.of(SLA_STARTED, lead), e -> !e.isEmpty())
                .getFirst();
        assertThat(started.path("source").asText()).isEqualTo("sla-service");
        JsonNode data = started.path("data");
        assertThat(data.path("clockType").asText()).isEqualTo("FIRST_TOUCH");
        assertThat(data.path("policyVersion").asText()).isEqualTo("default-1");
        assertThat(data.path("assignee").asText()).isEqualTo("xena");
        assertThat(Instant.parse(data.path("startedAt").asText())).isEqualTo(start);
        assertThat(Instant.parse(data.path("dueAt").asText())).isEqualTo(start.plus(Duration.ofMinutes(5)));

        JsonPath clocks = clocksOf(lead);
        assertThat(clocks.getList("$")).hasSize(1);
        assertThat(clocks.getString("[0].id")).isEqualTo(data.path("clockId").asText());
        assertThat(clocks.getString("[0].assignmentId")).isEqualTo(assignment.toString());
        assertThat(clocks.getString("[0].status")).isEqualTo("RUNNING");
        assertThat(Instant.parse(clocks.getString("[0].dueAt"))).isEqualTo(start.plus(Duration.ofMinutes(5)));
        assertThat(Instant.parse(clocks.getString("[0].warnAt")))
                .isEqualTo(start.plus(Duration.ofMinutes(3)).plusSeconds(45));
    }

    @Test
    void aTouchBeforeTheDueTimeMeetsTheClock() {
        UUID lead = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        Instant start = clock.instant();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, assignment, start));
        awaitStatus(lead, "RUNNING");

        broker.publish(EventTypes.LEAD_TOUCHED,
                RoutingEvents.touched(UUID.randomUUID(), lead, assignment, start.plus(Duration.ofMinutes(2))));

        awaitStatus(lead, "MET");
        List<JsonNode> met = await().atMost(WAIT).until(() -> published.of(SLA_MET, lead), e -> !e.isEmpty());
        assertThat(met).singleElement().satisfies(e -> {
            assertThat(e.path("data").path("elapsedMillis").asLong()).isEqualTo(120_000);
            assertThat(Instant.parse(e.path("data").path("metAt").asText()))
                    .isEqualTo(start.plus(Duration.ofMinutes(2)));
        });
        assertThat(clocksOf(lead).getString("[0].metAt")).isNotNull();
    }

    @Test
    void anUntouchedClockWarnsOnceThenBreachesOnceAndALateTouchDoesNotMeetIt() {
        UUID lead = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        Instant start = clock.instant();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, assignment, start));
        awaitStatus(lead, "RUNNING");
        String clockId = clocksOf(lead).getString("[0].id");

        clock.advance(Duration.ofMinutes(4));
        List<JsonNode> warnings = await().atMost(WAIT).until(() -> published.of(SLA_WARNING, lead),
                e -> !e.isEmpty());
        assertThat(warnings).singleElement().satisfies(e -> {
            assertThat(e.path("data").path("clockId").asText()).isEqualTo(clockId);
            assertThat(Instant.parse(e.path("data").path("warnedAt").asText()))
                    .isEqualTo(start.plus(Duration.ofMinutes(4)));
        });
        assertThat(published.of(SLA_BREACHED, lead)).isEmpty();
        assertThat(clocksOf(lead).getString("[0].status")).isEqualTo("RUNNING");

        clock.advance(Duration.ofMinutes(2));
        await().atMost(WAIT).until(() -> published.of(SLA_BREACHED, lead), e -> !e.isEmpty());
        // Many timer passes run during this window; none may breach or warn the clock again.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                published.of(SLA_BREACHED, lead).size() == 1 && published.of(SLA_WARNING, lead).size() == 1);
        JsonNode breached = published.of(SLA_BREACHED, lead).getFirst().path("data");
        assertThat(breached.path("clockId").asText()).isEqualTo(clockId);
        assertThat(Instant.parse(breached.path("dueAt").asText())).isEqualTo(start.plus(Duration.ofMinutes(5)));
        assertThat(Instant.parse(breached.path("breachedAt").asText())).isEqualTo(start.plus(Duration.ofMinutes(6)));
        assertThat(breached.path("owningOrg").asText()).isEqualTo("MARKETING");
        assertThat(clocksOf(lead).getString("[0].status")).isEqualTo("BREACHED");

        UUID lateTouch = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_TOUCHED, RoutingEvents.touched(lateTouch, lead, assignment, clock.instant()));
        await().atMost(WAIT).until(() -> processed(lateTouch) == 1);
        JsonPath after = clocksOf(lead);
        assertThat(after.getString("[0].status")).isEqualTo("BREACHED");
        assertThat(after.getString("[0].metAt")).isNull();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                published.of(SLA_MET, lead).isEmpty());
    }

    @Test
    void theSameAssignedEventTwiceStartsOneClock() {
        UUID lead = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        byte[] assigned = RoutingEvents.assigned(eventId, lead, assignment, clock.instant());
        broker.publish(EventTypes.LEAD_ASSIGNED, assigned);
        broker.publish(EventTypes.LEAD_ASSIGNED, assigned);
        // The queue is consumed in order, so once this later event is processed both copies have been handled.
        UUID marker = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ACCEPTED, RoutingEvents.accepted(marker, lead, assignment, clock.instant()));

        await().atMost(WAIT).until(() -> processed(marker) == 1);
        assertThat(processed(eventId)).isEqualTo(1);
        assertThat(clocksOf(lead).getList("$")).hasSize(1);
        await().atMost(WAIT).until(() -> published.of(SLA_STARTED, lead).size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                published.of(SLA_STARTED, lead).size() == 1);
    }

    @Test
    void anotherAssignedEventForTheSameAssignmentChangesNothing() {
        UUID lead = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        Instant start = clock.instant();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, assignment, start));
        UUID repeat = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ASSIGNED,
                RoutingEvents.assigned(repeat, lead, assignment, start.plus(Duration.ofMinutes(1))));

        await().atMost(WAIT).until(() -> processed(repeat) == 1);
        JsonPath clocks = clocksOf(lead);
        assertThat(clocks.getList("$")).hasSize(1);
        assertThat(Instant.parse(clocks.getString("[0].startedAt"))).isEqualTo(start);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                published.of(SLA_STARTED, lead).size() == 1);
    }

    @Test
    void aReassignmentCancelsTheClockAndTheNewAssignmentStartsItsOwn() {
        UUID lead = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant start = clock.instant();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, first, start));
        awaitStatus(lead, "RUNNING");

        Instant later = start.plus(Duration.ofMinutes(1));
        broker.publish(EventTypes.LEAD_REASSIGNED, RoutingEvents.reassigned(lead, first, second, later));
        awaitStatus(lead, "CANCELLED");
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, second, later));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath clocks = clocksOf(lead);
            assertThat(clocks.getList("assignmentId")).containsExactly(first.toString(), second.toString());
            assertThat(clocks.getList("status")).containsExactly("CANCELLED", "RUNNING");
        });
    }

    /** A recycled lead (lead.rejected) cancels the rejected assignment's clock: no breach is charged later. */
    @Test
    void aRejectionCancelsTheAssignmentsClockAndNothingBreachesLater() {
        UUID lead = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, assignment, clock.instant()));
        awaitStatus(lead, "RUNNING");

        broker.publish(EventTypes.LEAD_REJECTED, GoldenFixtures.instance(EventTypes.LEAD_REJECTED, lead,
                "assignmentId", assignment, "rejectedAt", clock.instant().plusSeconds(20)));
        awaitStatus(lead, "CANCELLED");
        // Readers of the clock (lead-service's view of the lead) learn of the cancel.
        JsonNode updated = await().atMost(WAIT).until(() -> published.of(SLA_UPDATED, lead), e -> !e.isEmpty())
                .getFirst().path("data");
        assertThat(updated.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(updated.path("clockId").asText()).isEqualTo(clocksOf(lead).getString("[0].id"));
        clock.advance(Duration.ofMinutes(6));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                published.of(SLA_BREACHED, lead).isEmpty());
        assertThat(clocksOf(lead).getString("[0].status")).isEqualTo("CANCELLED");
        assertThat(published.of(SLA_UPDATED, lead)).hasSize(1);
    }

    @Test
    void erasingALeadDeletesItsClocks() {
        UUID lead = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, UUID.randomUUID(), clock.instant()));
        awaitStatus(lead, "RUNNING");

        UUID erasure = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ERASED, RoutingEvents.erased(erasure, lead, clock.instant()));
        await().atMost(WAIT).until(() -> processed(erasure) == 1);
        assertThat(clocksOf(lead).getList("$")).isEmpty();
    }

    @Test
    void aMalformedMessageIsDeadLetteredAndTheNextOneStillApplies() {
        UUID lead = UUID.randomUUID();
        long dlqBefore = broker.messageCount(DLQ);
        broker.publish(EventTypes.LEAD_ASSIGNED, "{ this is not json");
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, UUID.randomUUID(), clock.instant()));

        await().atMost(WAIT).until(() -> broker.messageCount(DLQ) == dlqBefore + 1);
        awaitStatus(lead, "RUNNING");
    }

    @Test
    void anAcceptanceIsAppliedNotDeadLettered() {
        UUID lead = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, assignment, clock.instant()));
        awaitStatus(lead, "RUNNING");
        long dlqBefore = broker.messageCount(DLQ);

        UUID acceptance = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ACCEPTED, RoutingEvents.accepted(acceptance, lead, assignment,
                clock.instant()));
        await().atMost(WAIT).until(() -> processed(acceptance) == 1);
        assertThat(broker.messageCount(DLQ)).isEqualTo(dlqBefore);
        assertThat(clocksOf(lead).getString("[0].status")).isEqualTo("RUNNING");
    }

    static JsonPath clocksOf(UUID lead) {
        return given().auth().oauth2(KeycloakTokens.of("lea")).queryParam("leadId", lead.toString())
                .get("/api/sla/clocks")
                .then().statusCode(200).extract().jsonPath();
    }

    static void awaitStatus(UUID lead, String status) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(clocksOf(lead).getList("status")).contains(status));
    }

    private long processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM processed_message WHERE event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue());
    }
}
