package io.leadplatform.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadplatform.events.EventTypes;
import io.leadplatform.sla.service.ComplianceRollup;
import io.leadplatform.sla.service.ComplianceService;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.MutableClock;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

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
    @Inject
    ComplianceService compliance;
    @Inject
    ComplianceRollup rollup;
    @Inject
    ObjectMapper mapper;

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

        // An erased lead's clocks leave the rollup as they leave the table.
        UUID e = UUID.randomUUID();
        UUID eAssignment = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(e, eAssignment, clock.instant(),
                "channel", "webinar"));
        broker.publish(EventTypes.LEAD_TOUCHED, RoutingEvents.touched(UUID.randomUUID(), e, eAssignment,
                clock.instant().plusSeconds(40)));
        SlaEventsConsumerTest.awaitStatus(e, "MET");
        broker.publish(EventTypes.LEAD_ERASED, RoutingEvents.erased(UUID.randomUUID(), e, clock.instant()));
        await().atMost(WAIT).until(() -> SlaEventsConsumerTest.clocksOf(e).getList("$").isEmpty());

        Instant end = clock.instant().plusSeconds(1);
        JsonNode byOrg = report("org", start, end);
        assertThat(byOrg.path("source").asText()).isEqualTo("clocks");
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
            assertMatchesTable(report.path("groups"), recompute(groupBy, start, end), groupBy, false);
            assertMatchesTable(report.path("byOrg"), recompute("org", start, end), "org", false);
        }

        // The rollup path: whole UTC days (every clock of the tests that ran today), before and after the deltas
        // are folded into the rollup, and the same unaligned window with its edges bucketed from the clocks.
        Instant dayFrom = start.truncatedTo(ChronoUnit.DAYS);
        Instant dayTo = end.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        for (boolean folded : List.of(false, true)) {
            if (folded) {
                rollup.compact();
            }
            for (String groupBy : List.of("org", "queue", "rep", "channel")) {
                await().atMost(WAIT).untilAsserted(() -> {
                    JsonNode report = report(groupBy, dayFrom, dayTo);
                    assertThat(report.path("source").asText()).isEqualTo("rollup");
                    assertMatchesTable(report.path("groups"), recompute(groupBy, dayFrom, dayTo), groupBy, true);
                    assertMatchesTable(report.path("byOrg"), recompute("org", dayFrom, dayTo), "org", true);
                });
                await().atMost(WAIT).untilAsserted(() -> {
                    JsonNode report = mapper.valueToTree(compliance.report(groupBy, start.toString(), end.toString(),
                            null, ComplianceService.Source.ROLLUP));
                    assertMatchesTable(report.path("groups"), recompute(groupBy, start, end), groupBy, true);
                });
            }
        }
        assertThat(rollup.compact()).as("nothing left to fold but what arrived since").isGreaterThanOrEqualTo(0);
    }

    /** The database's buckets and the report's midpoints agree, and a midpoint is within 1/128 of any value. */
    @Test
    @SuppressWarnings("unchecked")
    void bucketsOfTheDatabaseAndTheReportAgree() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, 127L, 128L, 129L, 255L, 256L, 1_000L, 120_000L,
                86_400_000L, 2_592_000_000L));
        for (int k = 7; k < 42; k++) {
            values.addAll(List.of((1L << k) - 1, 1L << k, (1L << k) + 1));
        }
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 500; i++) {
            values.add((long) (Math.exp(random.nextDouble() * Math.log(1e10))));
        }
        String array = values.stream().map(String::valueOf).collect(Collectors.joining(",", "'{", "}'"));
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT v, sla_bucket(v) FROM unnest(CAST(" + array + " AS bigint[])) v").getResultList());
        assertThat(rows).hasSize(values.size());
        for (Object[] r : rows) {
            long v = ((Number) r[0]).longValue();
            long bucket = ((Number) r[1]).longValue();
            double midpoint = ComplianceService.Histogram.midpoint(bucket);
            assertThat(bucket).as("bucket of " + v).isLessThanOrEqualTo(v);
            assertThat(2 * midpoint - bucket + 1).as("bucket of " + v + " ends after it").isGreaterThan(v);
            assertThat(Math.abs(midpoint - v)).as("midpoint for " + v).isLessThanOrEqualTo(v / 128.0);
        }
        ComplianceService.Histogram h = new ComplianceService.Histogram();
        h.add(60, 1);
        h.add(100, 3);
        assertThat(h.percentile(0.5)).isEqualTo(100.0);
        assertThat(h.percentile(0.0)).isEqualTo(60.0);
        assertThat(new ComplianceService.Histogram().percentile(0.9)).isNull();
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
        // An open clock for the open-clocks gauge, whatever ran before this test.
        UUID running = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(running, UUID.randomUUID(), clock.instant()));
        SlaEventsConsumerTest.awaitStatus(running, "RUNNING");
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

    /** Counts must be equal; times too, or within the buckets' precision (1/128 of the value) when bucketed. */
    private static void assertMatchesTable(JsonNode rows, Map<String, Expected> expected, String groupBy,
            boolean bucketed) {
        assertThat(rows.size()).as("groups by " + groupBy).isEqualTo(expected.size());
        for (JsonNode r : rows) {
            Expected e = expected.get(r.path("group").asText() + "|" + r.path("owningOrg").asText());
            assertThat(e).as("group " + r).isNotNull();
            assertThat(r.path("started").asLong()).isEqualTo(e.started());
            assertThat(r.path("met").asLong()).isEqualTo(e.met());
            assertThat(r.path("breached").asLong()).isEqualTo(e.breached());
            assertThat(r.path("open").asLong()).isEqualTo(e.open());
            assertThat(r.path("cancelled").asLong()).isEqualTo(e.cancelled());
            assertNumber(r, "percentMet", e.percentMet(), false);
            assertNumber(r, "firstTouchWallMedianMillis", e.wallMedian(), bucketed);
            assertNumber(r, "firstTouchWallP90Millis", e.wallP90(), bucketed);
            assertNumber(r, "firstTouchBusinessMedianMillis", e.businessMedian(), bucketed);
            assertNumber(r, "firstTouchBusinessP90Millis", e.businessP90(), bucketed);
            assertNumber(r, "systemDelayMedianMillis", e.systemMedian(), bucketed);
            assertNumber(r, "systemDelayP90Millis", e.systemP90(), bucketed);
        }
    }

    private static void assertNumber(JsonNode row, String field, Double expected, boolean bucketed) {
        if (expected == null) {
            assertThat(row.path(field).isNull()).as(field + " of " + row).isTrue();
        } else {
            assertThat(row.path(field).asDouble()).as(field + " of " + row)
                    .isCloseTo(expected, within(bucketed ? expected / 128 + 0.001 : 0.001));
        }
    }
}
