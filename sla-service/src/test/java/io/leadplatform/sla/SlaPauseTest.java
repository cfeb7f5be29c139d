package io.leadplatform.sla;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.GoldenFixtures;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.MutableClock;
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

import static io.leadplatform.events.EventTypes.SLA_BREACHED;
import static io.leadplatform.events.EventTypes.SLA_UPDATED;
import static io.leadplatform.events.EventTypes.SLA_WARNING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Pausing and resuming clocks through the API, with the timer running against the test clock. */
@QuarkusTest
class SlaPauseTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static TestBroker broker;
    static PublishedEvents published;

    @Inject
    MutableClock clock;

    @BeforeAll
    static void connect() {
        broker = TestBroker.connect("lead-platform-test-sla");
        published = new PublishedEvents(broker, SLA_WARNING, SLA_BREACHED, SLA_UPDATED);
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    @Test
    void aPausedClockNeitherWarnsNorBreachesAndResumesWithTheTimeItHadLeft() {
        UUID lead = UUID.randomUUID();
        Instant start = clock.instant();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, UUID.randomUUID(), start));
        SlaEventsConsumerTest.awaitStatus(lead, "RUNNING");
        String id = SlaEventsConsumerTest.clocksOf(lead).getString("[0].id");

        clock.advance(Duration.ofMinutes(1));
        given().auth().oauth2(KeycloakTokens.of("mel")).contentType(ContentType.JSON)
                .body(Map.of("reason", "waiting on prospect"))
                .post("/api/sla/clocks/" + id + "/pause")
                .then().statusCode(200).body("status", equalTo("PAUSED"))
                .body("pauseReason", equalTo("waiting on prospect"))
                .body("remainingMillis", equalTo(240_000));

        clock.advance(Duration.ofMinutes(30));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                published.of(SLA_BREACHED, lead).isEmpty() && published.of(SLA_WARNING, lead).isEmpty());
        assertThat(SlaEventsConsumerTest.clocksOf(lead).getString("[0].status")).isEqualTo("PAUSED");

        Instant resumedAt = clock.instant();
        given().auth().oauth2(KeycloakTokens.of("xena")).post("/api/sla/clocks/" + id + "/resume")
                .then().statusCode(200).body("status", equalTo("RUNNING"));
        assertThat(Instant.parse(SlaEventsConsumerTest.clocksOf(lead).getString("[0].dueAt")))
                .isEqualTo(resumedAt.plus(Duration.ofMinutes(4)));
        // The pause and the resume went out as sla.updated, the resume with the new due time.
        List<JsonNode> updates = await().atMost(WAIT).until(() -> published.of(SLA_UPDATED, lead), e -> e.size() == 2);
        assertThat(updates).extracting(e -> e.path("data").path("status").asText()).containsExactly("PAUSED",
                "RUNNING");
        assertThat(Instant.parse(updates.getLast().path("data").path("dueAt").asText()))
                .isEqualTo(resumedAt.plus(Duration.ofMinutes(4)));

        clock.advance(Duration.ofMinutes(3));
        await().atMost(WAIT).until(() -> published.of(SLA_WARNING, lead).size() == 1);
        assertThat(published.of(SLA_BREACHED, lead)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        await().atMost(WAIT).until(() -> published.of(SLA_BREACHED, lead).size() == 1);
        assertThat(Instant.parse(published.of(SLA_BREACHED, lead).getFirst().path("data").path("dueAt").asText()))
                .isEqualTo(resumedAt.plus(Duration.ofMinutes(4)));
    }

    /** "Waiting on prospect" ends when the prospect engages again: lead.engaged resumes the paused clock. */
    @Test
    void theProspectsNextEngagementResumesAPausedClock() {
        UUID lead = UUID.randomUUID();
        Instant start = clock.instant();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, UUID.randomUUID(), start));
        SlaEventsConsumerTest.awaitStatus(lead, "RUNNING");
        String id = SlaEventsConsumerTest.clocksOf(lead).getString("[0].id");
        clock.advance(Duration.ofMinutes(2));
        Instant pausedAt = clock.instant();
        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON)
                .body(Map.of("reason", "waiting on prospect"))
                .post("/api/sla/clocks/" + id + "/pause")
                .then().statusCode(200).body("status", equalTo("PAUSED"));
        clock.advance(Duration.ofHours(2));

        // An unsubscribe, and an engagement from before the pause, leave it paused.
        broker.publish(EventTypes.LEAD_ENGAGED, engaged(lead, "unsubscribe", clock.instant()));
        broker.publish(EventTypes.LEAD_ENGAGED, engaged(lead, "page_view", pausedAt.minusSeconds(1)));
        UUID marker = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(marker, UUID.randomUUID(), clock.instant()));
        SlaEventsConsumerTest.awaitStatus(marker, "RUNNING");
        assertThat(SlaEventsConsumerTest.clocksOf(lead).getString("[0].status")).isEqualTo("PAUSED");

        Instant repliedAt = clock.instant().minusSeconds(30);
        broker.publish(EventTypes.LEAD_ENGAGED, engaged(lead, "email_click", repliedAt));
        SlaEventsConsumerTest.awaitStatus(lead, "RUNNING");
        assertThat(Instant.parse(SlaEventsConsumerTest.clocksOf(lead).getString("[0].dueAt")))
                .isEqualTo(repliedAt.plus(Duration.ofMinutes(3)));
        clock.advance(Duration.ofMinutes(3));
        await().atMost(WAIT).until(() -> published.of(SLA_BREACHED, lead).size() == 1);
    }

    private static byte[] engaged(UUID lead, String type, Instant occurredAt) {
        return GoldenFixtures.instance(EventTypes.LEAD_ENGAGED, UUID.randomUUID(), lead, "engagementId",
                UUID.randomUUID(), "type", type, "occurredAt", occurredAt);
    }

    @Test
    void onlyTheAssigneeAmongXdrsMayPauseAndOnlyRunningClocksPause() {
        UUID lead = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, UUID.randomUUID(), clock.instant()));
        SlaEventsConsumerTest.awaitStatus(lead, "RUNNING");
        String id = SlaEventsConsumerTest.clocksOf(lead).getString("[0].id");

        given().auth().oauth2(KeycloakTokens.of("xavier")).contentType(ContentType.JSON).body("{}")
                .post("/api/sla/clocks/" + id + "/pause")
                .then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.of("lea")).contentType(ContentType.JSON).body("{}")
                .post("/api/sla/clocks/" + id + "/pause")
                .then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("xena")).post("/api/sla/clocks/" + id + "/resume")
                .then().statusCode(409);
        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON).body("{}")
                .post("/api/sla/clocks/" + id + "/pause")
                .then().statusCode(200).body("status", equalTo("PAUSED"));
        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON).body("{}")
                .post("/api/sla/clocks/" + id + "/pause")
                .then().statusCode(409);
        given().auth().oauth2(KeycloakTokens.of("sol")).contentType(ContentType.JSON).body("{}")
                .post("/api/sla/clocks/not-a-uuid/pause")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("id"));
        given().auth().oauth2(KeycloakTokens.of("sol")).post("/api/sla/clocks/" + UUID.randomUUID() + "/resume")
                .then().statusCode(404);

        // A touch meets a paused clock: the time it stood still cannot make it late.
        clock.advance(Duration.ofMinutes(10));
        UUID assignment = UUID.fromString(SlaEventsConsumerTest.clocksOf(lead).getString("[0].assignmentId"));
        broker.publish(EventTypes.LEAD_TOUCHED, RoutingEvents.touched(UUID.randomUUID(), lead, assignment,
                clock.instant()));
        SlaEventsConsumerTest.awaitStatus(lead, "MET");
    }
}
