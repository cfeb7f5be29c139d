package io.leadplatform.sla;

import io.leadplatform.events.EventTypes;
import io.leadplatform.sla.calendar.BusinessCalendar;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.MutableClock;
import io.leadplatform.support.testing.TestBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Calendars and versioned policies through the API, and the clocks an active policy starts. */
@QuarkusTest
class SlaPolicyTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static TestBroker broker;

    @Inject
    MutableClock clock;

    @BeforeAll
    static void connect() {
        broker = TestBroker.connect("lead-platform-test-sla");
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    @AfterEach
    void backToTheDefaultPolicy() {
        given().auth().oauth2(KeycloakTokens.of("pat")).post("/api/sla/policies/0/activate")
                .then().statusCode(200).body("label", equalTo("default-1"));
    }

    static Map<String, Object> office(String name) {
        Map<String, Object> day = Map.of("open", "09:00", "close", "17:00");
        return Map.of("name", name, "timeZone", "America/New_York",
                "weeklyHours", Map.of("MONDAY", List.of(day), "TUESDAY", List.of(day), "WEDNESDAY", List.of(day),
                        "THURSDAY", List.of(day), "FRIDAY", List.of(day)),
                "holidays", List.of("2026-12-25"));
    }

    @Test
    void aCalendarIsStoredAndListedAndBadFieldsAreNamed() {
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON).body(office("ny-office"))
                .post("/api/sla/calendars")
                .then().statusCode(200).body("timeZone", equalTo("America/New_York"))
                .body("holidays[0]", equalTo("2026-12-25"));
        given().auth().oauth2(KeycloakTokens.of("lea")).get("/api/sla/calendars")
                .then().statusCode(200).body("name", hasItem("ny-office")).body("[0].name", equalTo("24x7"));

        invalidCalendar(Map.of("name", "x", "timeZone", "Mars/Olympus",
                "weeklyHours", Map.of("MONDAY", List.of(Map.of("open", "09:00", "close", "17:00")))), "timeZone");
        invalidCalendar(Map.of("name", "x", "timeZone", "UTC",
                "weeklyHours", Map.of("MONDAY", List.of(Map.of("open", "09:00", "close", "08:00")))),
                "weeklyHours.MONDAY[0].close");
        invalidCalendar(Map.of("name", "x", "timeZone", "UTC",
                "weeklyHours", Map.of("FUNDAY", List.of(Map.of("open", "09:00", "close", "10:00")))),
                "weeklyHours.FUNDAY");
        invalidCalendar(Map.of("name", "x", "timeZone", "UTC",
                "weeklyHours", Map.of("MONDAY", List.of(Map.of("open", "09:00", "close", "10:00"))),
                "holidays", List.of("christmas")), "holidays[0]");
        invalidCalendar(Map.of("name", "Bad Name", "timeZone", "UTC"), "name");

        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON).body(office("xdr-cal"))
                .post("/api/sla/calendars").then().statusCode(403);
    }

    @Test
    void anInvalidPolicyIsAProblemNamingTheField() {
        invalidPolicy(Map.of("name", "p", "targets", List.of(Map.of("clock", "ACCEPT", "target", "PT1H"))),
                "targets");
        invalidPolicy(Map.of("name", "p", "targets", List.of(Map.of("clock", "FIRST_TOUCH", "target", "5 minutes"))),
                "targets[0].target");
        invalidPolicy(Map.of("name", "p", "targets", List.of(Map.of("clock", "LUNCH", "target", "PT5M"))),
                "targets[0].clock");
        invalidPolicy(Map.of("name", "p", "defaultCalendar", "nowhere",
                "targets", List.of(Map.of("clock", "FIRST_TOUCH", "target", "PT5M"))), "defaultCalendar");
        invalidPolicy(Map.of("name", "p", "warningRatio", 1.5,
                "targets", List.of(Map.of("clock", "FIRST_TOUCH", "target", "PT5M"))), "warningRatio");
        given().auth().oauth2(KeycloakTokens.of("pat")).post("/api/sla/policies/9999/activate")
                .then().statusCode(404);
    }

    @Test
    void theActivePolicyStartsClocksBySegmentOnTheQueueCalendarAndRecordsItsVersion() {
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON).body(office("ny-sales"))
                .post("/api/sla/calendars").then().statusCode(200);
        given().auth().oauth2(KeycloakTokens.of("lea")).get("/api/sla/policies/active")
                .then().statusCode(200).body("version", equalTo(0)).body("label", equalTo("default-1"));

        JsonPath stored = given().auth().oauth2(KeycloakTokens.of("sam")).contentType(ContentType.JSON)
                .body(Map.of("name", "segments", "warningRatio", 0.5, "defaultCalendar", "24x7",
                        "queueCalendars", Map.of("inbound-sdr", "ny-sales"),
                        "targets", List.of(
                                Map.of("clock", "FIRST_TOUCH", "target", "PT5M"),
                                Map.of("clock", "FIRST_TOUCH", "channel", "content-download", "target", "PT24H"),
                                Map.of("clock", "ACCEPT", "target", "PT8H"),
                                Map.of("clock", "AE_ACCEPT", "target", "PT8H", "calendar", "ny-sales")),
                        "activate", true))
                .post("/api/sla/policies")
                .then().statusCode(201).body("active", equalTo(true)).extract().jsonPath();
        int version = stored.getInt("version");
        String label = "segments-v" + version;
        assertThat(stored.getString("label")).isEqualTo(label);
        given().auth().oauth2(KeycloakTokens.of("lea")).get("/api/sla/policies")
                .then().statusCode(200).body("[0].version", equalTo(version)).body("[0].createdBy", equalTo("sam"));

        BusinessCalendar nySales = BusinessCalendarTest.weekdays(ZoneId.of("America/New_York"), "09:00", "17:00",
                java.time.LocalDate.parse("2026-12-25"));
        UUID lead = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        Instant start = clock.instant();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, assignment, start, "channel",
                "content-download"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(SlaEventsConsumerTest.clocksOf(lead).getList("clockType"))
                .containsExactlyInAnyOrder("FIRST_TOUCH", "ACCEPT"));
        JsonPath clocks = SlaEventsConsumerTest.clocksOf(lead);
        Map<String, Object> firstTouch = clockOfType(clocks, "FIRST_TOUCH");
        assertThat(firstTouch.get("policyVersion")).isEqualTo(label);
        assertThat(firstTouch.get("calendar")).isEqualTo("ny-sales");
        assertThat(Instant.parse((String) firstTouch.get("dueAt")))
                .isEqualTo(nySales.plus(start, Duration.ofHours(24)));
        assertThat(Instant.parse((String) firstTouch.get("warnAt")))
                .isEqualTo(nySales.plus(start, Duration.ofHours(12)));
        assertThat(Instant.parse((String) clockOfType(clocks, "ACCEPT").get("dueAt")))
                .isEqualTo(nySales.plus(start, Duration.ofHours(8)));

        // Accepting meets the acceptance clock; the handoff starts the AE's clock, which the AE's acceptance meets.
        broker.publish(EventTypes.LEAD_ACCEPTED, RoutingEvents.accepted(UUID.randomUUID(), lead, assignment,
                start.plusSeconds(60)));
        broker.publish(EventTypes.LEAD_HANDED_OFF, RoutingEvents.handedOff(lead, assignment, "alex",
                start.plusSeconds(120)));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath now = SlaEventsConsumerTest.clocksOf(lead);
            assertThat(clockOfType(now, "ACCEPT").get("status")).isEqualTo("MET");
            assertThat(clockOfType(now, "AE_ACCEPT").get("status")).isEqualTo("RUNNING");
            assertThat(clockOfType(now, "AE_ACCEPT").get("assignee")).isEqualTo("alex");
        });
        broker.publish(EventTypes.LEAD_ACCEPTED, RoutingEvents.acceptedBy(UUID.randomUUID(), lead, assignment,
                "alex", start.plusSeconds(180)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                clockOfType(SlaEventsConsumerTest.clocksOf(lead), "AE_ACCEPT").get("status")).isEqualTo("MET"));
        assertThat(clockOfType(SlaEventsConsumerTest.clocksOf(lead), "FIRST_TOUCH").get("status"))
                .isEqualTo("RUNNING");

        // Another channel falls back to the catch-all first-touch target.
        UUID other = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(other, UUID.randomUUID(), start,
                "channel", "demo-request"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Instant.parse((String)
                clockOfType(SlaEventsConsumerTest.clocksOf(other), "FIRST_TOUCH").get("dueAt")))
                .isEqualTo(nySales.plus(start, Duration.ofMinutes(5))));
    }

    @Test
    void aSystemDelayClockRunsFromCaptureToAssignmentWhenThePolicyHasOne() {
        given().auth().oauth2(KeycloakTokens.of("pat")).contentType(ContentType.JSON)
                .body(Map.of("name", "system", "targets", List.of(
                        Map.of("clock", "FIRST_TOUCH", "target", "PT5M"),
                        Map.of("clock", "SYSTEM_DELAY", "target", "PT1M")), "activate", true))
                .post("/api/sla/policies").then().statusCode(201);
        UUID lead = UUID.randomUUID();
        Instant captured = clock.instant();
        broker.publish(EventTypes.LEAD_CAPTURED, RoutingEvents.captured(lead, captured));
        await().atMost(WAIT).untilAsserted(() -> assertThat(SlaEventsConsumerTest.clocksOf(lead).getList("clockType"))
                .containsExactly("SYSTEM_DELAY"));
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, UUID.randomUUID(),
                captured.plusSeconds(20)));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath clocks = SlaEventsConsumerTest.clocksOf(lead);
            assertThat(clockOfType(clocks, "SYSTEM_DELAY").get("status")).isEqualTo("MET");
            assertThat(clockOfType(clocks, "SYSTEM_DELAY").get("owningOrg")).isEqualTo("MARKETING");
            assertThat(((Number) clockOfType(clocks, "FIRST_TOUCH").get("systemDelayMillis")).longValue())
                    .isEqualTo(20_000);
        });
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> clockOfType(JsonPath clocks, String type) {
        return clocks.getList("$", Map.class).stream().filter(c -> type.equals(c.get("clockType"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " clock in " + clocks.prettify()));
    }

    private static void invalidCalendar(Map<String, Object> body, String field) {
        given().auth().oauth2(KeycloakTokens.of("pat")).contentType(ContentType.JSON).body(body)
                .post("/api/sla/calendars")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo(field));
    }

    private static void invalidPolicy(Map<String, Object> body, String field) {
        given().auth().oauth2(KeycloakTokens.of("pat")).contentType(ContentType.JSON).body(body)
                .post("/api/sla/policies")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo(field));
    }
}
