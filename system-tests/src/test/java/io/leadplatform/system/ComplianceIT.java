package io.leadplatform.system;

import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.SampleData;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.leadplatform.system.RunningPlatform.gatewayUrl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sample leads flow through the whole platform (imported through the gateway, scored, routed, clocked, some touched
 * by their XDR, the rest breached), then the compliance report, per org, queue, rep and channel, is checked against
 * a recomputation in Java from the raw rows of {@code sla_clock}.
 */
@ExtendWith(RunningPlatform.class)
class ComplianceIT {

    static final int ROWS = 400;

    /** A clock as stored; the report's exact path must agree with these rows. */
    record Clock(String org, String queue, String rep, String channel, String status, Long wallMs, Long businessMs,
            Long systemDelayMs) {
    }

    @Test
    void theComplianceReportAgreesWithTheRawClocksAfterSampleLeadsFlowThroughThePlatform() throws Exception {
        Instant from = Instant.now().minusSeconds(60);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> lines = SampleData.lines("leads.csv");
        StringBuilder csv = new StringBuilder(lines.getFirst()).append('\n');
        for (String line : lines.subList(1, ROWS + 1)) {
            // Run-unique emails and external ids, so nothing merges with earlier runs or other tests.
            String[] cells = line.split(",", 3);
            csv.append(cells[0]).append("-").append(run).append(',').append(run).append('.')
                    .append(cells[1].strip().toLowerCase()).append(',').append(cells[2]).append('\n');
        }
        String job = given().auth().oauth2(KeycloakTokens.of("mara")).contentType("text/csv").body(csv.toString())
                .post(gatewayUrl() + "/api/imports/leads").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "DONE".equals(given().auth().oauth2(KeycloakTokens.of("mara")).get(job).then()
                        .statusCode(200).extract().path("status")));

        // Every imported lead is scored; the qualified ones get their clock; the XDRs touch a few of theirs in time.
        String imported = "FROM lead WHERE external_id LIKE '%-" + run + "'";
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                ids("lead_service_system", "SELECT id " + imported + " AND scored_at IS NULL").isEmpty()
                        && !ids("lead_service_system", "SELECT id " + imported).isEmpty());
        List<UUID> qualified = ids("lead_service_system", "SELECT id " + imported + " AND mql_at IS NOT NULL");
        assertThat(qualified).as("qualified leads in the sample").hasSizeGreaterThan(20);
        String inQualified = qualified.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                count("SELECT count(DISTINCT lead_id) FROM sla_clock WHERE lead_id IN (" + inQualified + ")")
                        == qualified.size());
        // Leads routed to an XDR (not to a manager, after escalations) can be touched; a few are, while their clock
        // still has a few seconds to run, so the touch lands in time.
        String running = strings("sla_service_system", "SELECT lead_id::text FROM sla_clock WHERE lead_id IN ("
                + inQualified + ") AND status = 'RUNNING' AND due_at > now() + interval '4 seconds'").stream()
                .map(id -> "'" + id + "'").collect(Collectors.joining(","));
        List<String> touchable = running.isEmpty() ? List.of() : strings("routing_service_system",
                "SELECT lead_id || ',' || assignee FROM assignment WHERE status = 'ACTIVE'"
                        + " AND assignee IN ('xena', 'xavier') AND lead_id IN (" + running + ")");
        for (String row : touchable.stream().limit(10).toList()) {
            String[] leadAndXdr = row.split(",");
            given().auth().oauth2(KeycloakTokens.of(leadAndXdr[1])).contentType("application/json")
                    .body(Map.of("channel", "call")).post(gatewayUrl() + "/api/leads/" + leadAndXdr[0] + "/touch")
                    .then().statusCode(200);
        }
        // The 8-second first-touch SLA breaches the rest; wait until none of the sample's clocks is still running.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                count("SELECT count(*) FROM sla_clock WHERE lead_id IN (" + inQualified + ") AND status = 'RUNNING'")
                        == 0);
        if (!touchable.isEmpty()) {
            assertThat(count("SELECT count(*) FROM sla_clock WHERE lead_id IN (" + inQualified
                    + ") AND status = 'MET'")).as("touched in time").isPositive();
        }
        assertThat(count("SELECT count(*) FROM sla_clock WHERE lead_id IN (" + inQualified
                + ") AND status = 'BREACHED'")).as("left untouched").isPositive();

        Instant to = Instant.now().plusSeconds(60);
        Map<String, Function<Clock, String>> groupings = Map.of("org", Clock::org, "queue", Clock::queue,
                "rep", Clock::rep, "channel", Clock::channel);
        for (var grouping : groupings.entrySet()) {
            // Other tests' clocks may still change state; the report must agree with the table once they settle.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonPath report = given().auth().oauth2(KeycloakTokens.of("lea")).accept("application/json")
                        .get(gatewayUrl() + "/api/sla/compliance?clockType=FIRST_TOUCH&groupBy=" + grouping.getKey()
                                + "&from=" + from + "&to=" + to)
                        .then().statusCode(200).extract().jsonPath()
                        // Doubles, not the default floats: durations of weeks in ms need more than 24 bits.
                        .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
                assertThat(report.getString("source")).isEqualTo("clocks");
                // A row per group and owning org, as the report has them ("none" for a missing value).
                Map<String, List<Clock>> expected = clocks(from, to).stream().collect(Collectors.groupingBy(
                        c -> none(grouping.getValue().apply(c)) + "|" + none(c.org()), TreeMap::new,
                        Collectors.toList()));
                List<Map<String, Object>> rows = report.getList("groups");
                assertThat(rows).extracting(ComplianceIT::key).containsExactlyInAnyOrderElementsOf(expected.keySet());
                for (Map<String, Object> row : rows) {
                    List<Clock> group = expected.get(key(row));
                    long met = group.stream().filter(c -> c.status().equals("MET")).count();
                    long breached = group.stream().filter(c -> c.status().equals("BREACHED")).count();
                    assertThat(((Number) row.get("started")).longValue()).isEqualTo(group.size());
                    assertThat(((Number) row.get("met")).longValue()).isEqualTo(met);
                    assertThat(((Number) row.get("breached")).longValue()).isEqualTo(breached);
                    assertThat(((Number) row.get("open")).longValue()).isEqualTo(group.stream()
                            .filter(c -> c.status().equals("RUNNING") || c.status().equals("PAUSED")).count());
                    if (met + breached > 0) {
                        assertThat(((Number) row.get("percentMet")).doubleValue())
                                .isCloseTo(100.0 * met / (met + breached), org.assertj.core.data.Offset.offset(0.1));
                    }
                    assertPercentile(row.get("firstTouchWallMedianMillis"), group, Clock::wallMs, 0.5);
                    assertPercentile(row.get("firstTouchWallP90Millis"), group, Clock::wallMs, 0.9);
                    assertPercentile(row.get("firstTouchBusinessMedianMillis"), group, Clock::businessMs, 0.5);
                    assertPercentile(row.get("systemDelayMedianMillis"), group, Clock::systemDelayMs, 0.5);
                }
            });
        }
    }

    static String none(String value) {
        return value == null ? "none" : value;
    }

    static String key(Map<String, Object> row) {
        return row.get("group") + "|" + row.get("owningOrg");
    }

    /** PostgreSQL's percentile_cont, recomputed: linear interpolation between the two closest ranks. */
    static void assertPercentile(Object reported, List<Clock> group, Function<Clock, Long> value, double p) {
        List<Long> values = group.stream().map(value).filter(v -> v != null).sorted(Comparator.naturalOrder()).toList();
        if (values.isEmpty()) {
            assertThat(reported).isNull();
            return;
        }
        double rank = p * (values.size() - 1);
        int lower = (int) Math.floor(rank);
        int upper = (int) Math.ceil(rank);
        double expected = values.get(lower) + (rank - lower) * (values.get(upper) - values.get(lower));
        assertThat(((Number) reported).doubleValue()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1.0));
    }

    static List<Clock> clocks(Instant from, Instant to) throws SQLException {
        List<Clock> clocks = new ArrayList<>();
        try (Connection db = connect("sla_service_system"); var q = db.prepareStatement("SELECT owning_org, "
                + "queue_name, assignee, channel, status, touch_wall_ms, touch_business_ms, system_delay_ms "
                + "FROM sla_clock WHERE clock_type = 'FIRST_TOUCH' AND started_at >= ? AND started_at < ?")) {
            q.setTimestamp(1, java.sql.Timestamp.from(from));
            q.setTimestamp(2, java.sql.Timestamp.from(to));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    clocks.add(new Clock(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), (Long) rs.getObject(6), (Long) rs.getObject(7), (Long) rs.getObject(8)));
                }
            }
        }
        return clocks;
    }

    static Connection connect(String db) throws SQLException {
        return Replicas.connect(db);
    }

    static List<UUID> ids(String db, String sql) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = connect(db); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                ids.add((UUID) rs.getObject(1));
            }
        }
        return ids;
    }

    static List<String> strings(String db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(db); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    static long count(String sql) throws SQLException {
        try (Connection c = connect("sla_service_system"); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
