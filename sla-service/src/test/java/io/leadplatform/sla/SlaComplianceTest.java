package io.leadplatform.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadplatform.events.EventTypes;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Sample clocks flow through the service; the compliance report must agree with the clock table. */
@QuarkusTest
class SlaComplianceTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final ObjectMapper JSON = new ObjectMapper();
    static TestBroker broker;

    @Inject
    MutableClock clock;
    @Inject
    EntityManager em;

    @BeforeAll
    static void connect() {
        broker = TestBroker.connect("lead-platform-test-sla");
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    @Test
    void theReportMatchesTheClocksItWasComputedFrom() throws Exception {
        clock.advance(Duration.ofSeconds(1));
        Instant start = clock.instant();
        UUID a = UUID.randomUUID();
        UUID aAssignment = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_CAPTURED, RoutingEvents.captured(a, start.minusSeconds(30)));
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(a, aAssignment, start));
        UUID b = UUID.randomUUID();
        UUID bAssignment = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(b, bAssignment, start,
                "queueName", "outbound-bdr", "owningOrg", "SALES", "assignee", "xavier", "channel", "outbound"));
        UUID d = UUID.randomUUID();
        UUID dAssignment = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(d, dAssignment, start,
                "queueName", "outbound-bdr", "owningOrg", "SALES", "assignee", "xavier", "channel", "outbound"));
        broker.publish(EventTypes.LEAD_TOUCHED, RoutingEvents.touched(UUID.randomUUID(), a, aAssignment,
                start.plus(Duration.ofMinutes(2))));
        broker.publish(EventTypes.LEAD_TOUCHED, RoutingEvents.touched(UUID.randomUUID(), d, dAssignment,
                start.plus(Duration.ofMinutes(1))));
        SlaEventsConsumerTest.awaitStatus(a, "MET");
        SlaEventsConsumerTest.awaitStatus(d, "MET");
        SlaEventsConsumerTest.awaitStatus(b, "RUNNING");

        clock.advance(Duration.ofMinutes(6));
        SlaEventsConsumerTest.awaitStatus(b, "BREACHED");
        broker.publish(EventTypes.LEAD_TOUCHED, RoutingEvents.touched(UUID.randomUUID(), b, bAssignment,
                start.plus(Duration.ofMinutes(7))));
        UUID c = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(c, UUID.randomUUID(), clock.instant(),
                "channel", "webinar"));
        SlaEventsConsumerTest.awaitStatus(c, "RUNNING");
        await().atMost(WAIT).until(() -> SlaEventsConsumerTest.clocksOf(b).getString("[0].touchedAt") != null);

        Instant end = clock.instant().plusSeconds(1);
        JsonNode byOrg = report("org", start, end);
        JsonNode marketing = row(byOrg.path("groups"), "MARKETING");
        assertThat(marketing.path("started").asLong()).isEqualTo(2);
        assertThat(marketing.path("met").asLong()).isEqualTo(1);
        assertThat(marketing.path("open").asLong()).isEqualTo(1);
        assertThat(marketing.path("percentMet").asDouble()).isEqualTo(100.0);
        assertThat(marketing.path("firstTouchWallMedianMillis").asDouble()).isEqualTo(120_000);
        assertThat(marketing.path("systemDelayMedianMillis").asDouble()).isEqualTo(30_000);
        JsonNode sales = row(byOrg.path("groups"), "SALES");
        assertThat(sales.path("started").asLong()).isEqualTo(2);
        assertThat(sales.path("breached").asLong()).isEqualTo(1);
        assertThat(sales.path("percentMet").asDouble()).isEqualTo(50.0);
        // A late touch still counts for time to first touch: median of 1 and 7 minutes, p90 interpolated.
        assertThat(sales.path("firstTouchWallMedianMillis").asDouble()).isEqualTo(240_000);
        assertThat(sales.path("firstTouchWallP90Millis").asDouble()).isEqualTo(384_000);

        for (String groupBy : List.of("org", "queue", "rep", "channel")) {
            JsonNode report = report(groupBy, start, end);
            assertMatchesTable(report.path("groups"), recompute(groupBy, start, end), groupBy);
            assertMatchesTable(report.path("byOrg"), recompute("org", start, end), "org");
        }
    }

    @Test
    void csvBadParametersRolesAndMetrics() {
        Instant to = clock.instant().plusSeconds(1);
        String csv = given().auth().oauth2(KeycloakTokens.of("lea")).accept("text/csv")
                .queryParam("groupBy", "queue").queryParam("from", "2020-01-01").queryParam("to", to.toString())
                .get("/api/sla/compliance")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\n");
        assertThat(lines[0]).startsWith("group,owningOrg,started,met,breached,open");
        assertThat(lines.length - 1).isEqualTo(given().auth().oauth2(KeycloakTokens.of("lea"))
                .queryParam("groupBy", "queue").queryParam("from", "2020-01-01").queryParam("to", to.toString())
                .get("/api/sla/compliance").then().statusCode(200).extract().jsonPath().getList("groups").size());

        given().auth().oauth2(KeycloakTokens.of("lea")).queryParam("groupBy", "email").get("/api/sla/compliance")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("groupBy"));
        given().auth().oauth2(KeycloakTokens.of("lea")).queryParam("from", "yesterday").get("/api/sla/compliance")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(KeycloakTokens.of("xena")).get("/api/sla/compliance").then().statusCode(403);
        given().get("/api/sla/compliance").then().statusCode(401);

        UUID lead = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, assignment, clock.instant()));
        broker.publish(EventTypes.LEAD_TOUCHED, RoutingEvents.touched(UUID.randomUUID(), lead, assignment,
                clock.instant().plusSeconds(30)));
        SlaEventsConsumerTest.awaitStatus(lead, "MET");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("sla_time_to_first_touch_wall_seconds_bucket{"))
                .body(containsString("sla_clocks_open{"))
                .body(containsString("org=\"MARKETING\""))
                .body(containsString("queue=\"inbound-sdr\""))
                .body(not(containsString("xena"))));
    }

    private static JsonNode report(String groupBy, Instant from, Instant to) throws Exception {
        String body = given().auth().oauth2(KeycloakTokens.of("lea")).queryParam("groupBy", groupBy)
                .queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/sla/compliance").then().statusCode(200).extract().asString();
        return JSON.readTree(body);
    }

    private static JsonNode row(JsonNode rows, String group) {
        for (JsonNode r : rows) {
            if (group.equals(r.path("group").asText())) {
                return r;
            }
        }
        throw new AssertionError("no group " + group + " in " + rows);
    }

    record Expected(long started, long met, long breached, long open, long cancelled, Double percentMet,
            Double wallMedian, Double wallP90, Double businessMedian, Double businessP90, Double systemMedian,
            Double systemP90) {
    }

    /** The report computed again, in Java, from the raw rows of the clock table. */
    @SuppressWarnings("unchecked")
    private Map<String, Expected> recompute(String groupBy, Instant from, Instant to) {
        String key = switch (groupBy) {
            case "org" -> "owning_org";
            case "queue" -> "queue_name";
            case "rep" -> "assignee";
            default -> "channel";
        };
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT coalesce(" + key + ", 'none'), coalesce(owning_org, 'none'), status, touch_wall_ms, "
                                + "touch_business_ms, system_delay_ms FROM sla_clock WHERE clock_type = 'FIRST_TOUCH' "
                                + "AND started_at >= :from AND started_at < :to")
                .setParameter("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .setParameter("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC)).getResultList());
        Map<String, List<Object[]>> groups = new TreeMap<>();
        rows.forEach(r -> groups.computeIfAbsent(r[0] + "|" + r[1], k -> new ArrayList<>()).add(r));
        Map<String, Expected> expected = new TreeMap<>();
        groups.forEach((k, g) -> {
            long met = g.stream().filter(r -> r[2].equals("MET")).count();
            long breached = g.stream().filter(r -> r[2].equals("BREACHED")).count();
            expected.put(k, new Expected(g.size(), met, breached,
                    g.stream().filter(r -> r[2].equals("RUNNING") || r[2].equals("PAUSED")).count(),
                    g.stream().filter(r -> r[2].equals("CANCELLED")).count(),
                    met + breached == 0 ? null : Math.round(met * 1000.0 / (met + breached)) / 10.0,
                    percentile(g, 3, 0.5), percentile(g, 3, 0.9), percentile(g, 4, 0.5), percentile(g, 4, 0.9),
                    percentile(g, 5, 0.5), percentile(g, 5, 0.9)));
        });
        return expected;
    }

    private static Double percentile(List<Object[]> rows, int column, double p) {
        List<Double> values = rows.stream().filter(r -> r[column] != null)
                .map(r -> ((Number) r[column]).doubleValue()).sorted().toList();
        if (values.isEmpty()) {
            return null;
        }
        double pos = p * (values.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return values.get(lo) + (pos - lo) * (values.get(hi) - values.get(lo));
    }

    private static void assertMatchesTable(JsonNode rows, Map<String, Expected> expected, String groupBy) {
        assertThat(rows.size()).as("groups by " + groupBy).isEqualTo(expected.size());
        for (JsonNode r : rows) {
            Expected e = expected.get(r.path("group").asText() + "|" + r.path("owningOrg").asText());
            assertThat(e).as("group " + r).isNotNull();
            assertThat(r.path("started").asLong()).isEqualTo(e.started());
            assertThat(r.path("met").asLong()).isEqualTo(e.met());
            assertThat(r.path("breached").asLong()).isEqualTo(e.breached());
            assertThat(r.path("open").asLong()).isEqualTo(e.open());
            assertThat(r.path("cancelled").asLong()).isEqualTo(e.cancelled());
            assertNumber(r, "percentMet", e.percentMet());
            assertNumber(r, "firstTouchWallMedianMillis", e.wallMedian());
            assertNumber(r, "firstTouchWallP90Millis", e.wallP90());
            assertNumber(r, "firstTouchBusinessMedianMillis", e.businessMedian());
            assertNumber(r, "firstTouchBusinessP90Millis", e.businessP90());
            assertNumber(r, "systemDelayMedianMillis", e.systemMedian());
            assertNumber(r, "systemDelayP90Millis", e.systemP90());
        }
    }

    private static void assertNumber(JsonNode row, String field, Double expected) {
        if (expected == null) {
            assertThat(row.path(field).isNull()).as(field + " of " + row).isTrue();
        } else {
            assertThat(row.path(field).asDouble()).as(field + " of " + row).isCloseTo(expected, within(0.001));
        }
    }
}
