package io.leadplatform.lead;

import io.leadplatform.events.Leads;
import io.leadplatform.lead.api.PlausibleTime;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.SampleData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The full sample files through the import API (leads, then events, then both again), then campaign costs and
 * the funnel by channel, checked against figures computed here straight from the CSVs.
 */
@QuarkusTest
class ImportsAndFunnelTest {

    @Inject
    EntityManager em;

    @Test
    void sampleFilesImportOnceAndTheFunnelMatchesTheCsvs() {
        String leadsCsv = SampleData.read("leads.csv");
        String eventsCsv = SampleData.read("events.csv");
        List<String[]> leadRows = rows(leadsCsv);
        Map<String, String> channelByEmail = new HashMap<>();
        Set<String> externalIds = new HashSet<>();
        int duplicates = 0;
        for (String[] r : leadRows) {
            externalIds.add(r[0]);
            if (channelByEmail.putIfAbsent(r[1].strip().toLowerCase(), r[15]) != null) {
                duplicates++;
            }
        }
        List<String[]> eventRows = rows(eventsCsv);
        long unknownEvents = eventRows.stream().filter(r -> !externalIds.contains(r[0])).count();
        String anyLead = LeadResourceTest.capture(Leads.inboundItSecurityLead());

        long leadsBefore = count("SELECT count(*) FROM lead");
        long started = System.nanoTime();
        JsonPath leadsJob = runImport("leads", leadsCsv, anyLead);
        long leadsMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(leadsJob.getInt("total")).isEqualTo(leadRows.size());
        assertThat(leadsJob.getInt("processed")).isEqualTo(leadRows.size());
        assertThat(leadsJob.getInt("merged")).isEqualTo(duplicates);
        assertThat(leadsJob.getInt("accepted")).isEqualTo(channelByEmail.size());
        assertThat(leadsJob.getInt("rejected")).isZero();
        assertThat(count("SELECT count(*) FROM lead") - leadsBefore).isEqualTo(channelByEmail.size());

        started = System.nanoTime();
        // The synthetic events run past today: one dated more than five minutes ahead of the import is a row error.
        long aheadAtStart = ahead(eventRows, externalIds, Instant.now());
        JsonPath eventsJob = runImport("events", eventsCsv, anyLead);
        long aheadAtEnd = ahead(eventRows, externalIds, Instant.now());
        long eventsMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(eventsJob.getInt("accepted") + eventsJob.getInt("rejected")).isEqualTo(eventRows.size());
        assertThat(eventsJob.getInt("rejected")).isBetween((int) (unknownEvents + aheadAtEnd),
                (int) (unknownEvents + aheadAtStart));
        System.out.printf("IMPORT TIMING: %d leads in %d ms, %d events in %d ms%n", leadRows.size(), leadsMillis,
                eventRows.size(), eventsMillis);

        long leadsAfter = count("SELECT count(*) FROM lead");
        long eventsAfter = count("SELECT count(*) FROM engagement_event");
        long outboxAfter = count("SELECT count(*) FROM outbox_message");
        long timelineAfter = count("SELECT count(*) FROM lead_timeline");
        JsonPath again = runImport("leads", leadsCsv, anyLead);
        assertThat(again.getInt("accepted")).isZero();
        assertThat(again.getInt("merged")).isEqualTo(leadRows.size());
        assertThat(runImport("events", eventsCsv, anyLead).getInt("accepted")).isZero();
        assertThat(count("SELECT count(*) FROM lead")).isEqualTo(leadsAfter);
        assertThat(count("SELECT count(*) FROM engagement_event")).isEqualTo(eventsAfter);
        assertThat(count("SELECT count(*) FROM outbox_message")).isEqualTo(outboxAfter);
        assertThat(count("SELECT count(*) FROM lead_timeline")).isEqualTo(timelineAfter);

        checkFunnelByChannel(channelByEmail);
        checkOutcomesInTheFunnel(leadRows, anyLead);
    }

    /** Events of known leads dated more than the allowed five minutes after {@code now}. */
    private static long ahead(List<String[]> eventRows, Set<String> externalIds, Instant now) {
        Instant limit = now.plus(PlausibleTime.AHEAD);
        return eventRows.stream().filter(r -> externalIds.contains(r[0]) && Instant.parse(r[3]).isAfter(limit))
                .count();
    }

    /**
     * Imports outcomes.csv (all 6,779 rows) twice and checks the funnel by channel against a plain replay of the
     * CSVs: converted leads at OPPORTUNITY, rejected ones at REJECTED with their reason, an outcome older than the
     * lead's last stage change refused as a row error (a lead never moves backwards), and the second import a no-op.
     */
    private void checkOutcomesInTheFunnel(List<String[]> leadRows, String anyLead) {
        Map<String, String> emailByExternalId = new HashMap<>();
        Map<String, OutcomeReplay> leads = new HashMap<>();
        for (String[] r : leadRows) {
            String email = r[1].strip().toLowerCase();
            emailByExternalId.put(r[0], email);
            leads.putIfAbsent(email, new OutcomeReplay(r[15], java.time.Instant.parse(r[23])));
        }
        String outcomesCsv = SampleData.read("outcomes.csv");
        List<String[]> outcomeRows = rows(outcomesCsv);
        Set<String> seen = new HashSet<>();
        int applied = 0;
        int unchanged = 0;
        int stale = 0;
        for (String[] o : outcomeRows) {
            String email = emailByExternalId.get(o[0]);
            OutcomeReplay lead = leads.get(email);
            java.time.Instant decided = java.time.Instant.parse(o[3]);
            String key = email + "|" + o[1] + "|" + decided;
            String target = "converted".equals(o[1]) ? "OPPORTUNITY" : "REJECTED";
            if (seen.contains(key) || lead.stage.equals(target)) {
                unchanged++;
                seen.add(key);
            } else if ("LEAD".equals(lead.stage) && "OPPORTUNITY".equals(target) || !decided.isBefore(lead.since)) {
                lead.stage = target;
                lead.since = decided;
                lead.converted |= "OPPORTUNITY".equals(target);
                lead.reason = "REJECTED".equals(target) ? o[2] : lead.reason;
                lead.rejections += "REJECTED".equals(target) ? 1 : 0;
                applied++;
                seen.add(key);
            } else {
                stale++;
            }
        }
        long timelineBefore = count("SELECT count(*) FROM lead_timeline");
        JsonPath job = runImport("outcomes", outcomesCsv, anyLead);
        assertThat(job.getInt("total")).isEqualTo(outcomeRows.size());
        assertThat(job.getInt("accepted")).isEqualTo(applied);
        assertThat(job.getInt("merged")).isEqualTo(unchanged);
        assertThat(job.getInt("rejected")).isEqualTo(stale);
        assertThat(job.getString("errors[0].reason")).startsWith("decided_at: older than the lead's move to");
        assertThat(count("SELECT count(*) FROM lead_timeline") - timelineBefore).as("a stage change per applied "
                + "outcome, and a rejection entry per applied rejection").isEqualTo(applied
                + leads.values().stream().mapToLong(l -> l.rejections).sum());
        System.out.printf("OUTCOMES: %d applied, %d unchanged, %d older than the lead's last stage change%n",
                applied, unchanged, stale);

        long timelineAfter = count("SELECT count(*) FROM lead_timeline");
        long outboxAfter = count("SELECT count(*) FROM outbox_message");
        JsonPath again = runImport("outcomes", outcomesCsv, anyLead);
        assertThat(again.getInt("accepted")).isZero();
        assertThat(again.getInt("merged")).isEqualTo(applied + unchanged);
        assertThat(again.getInt("rejected")).isEqualTo(stale);
        assertThat(count("SELECT count(*) FROM lead_timeline")).isEqualTo(timelineAfter);
        assertThat(count("SELECT count(*) FROM outbox_message")).isEqualTo(outboxAfter);

        JsonPath report = new JsonPath(given().auth().oauth2(KeycloakTokens.of("lea"))
                .queryParam("groupBy", "channel").queryParam("from", "2026-09-01").queryParam("to", "2026-11-15")
                .get("/api/reports/funnel").then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        Map<String, List<OutcomeReplay>> byChannel = new TreeMap<>();
        leads.values().forEach(l -> byChannel.computeIfAbsent(l.channel, c -> new ArrayList<>()).add(l));
        for (var e : byChannel.entrySet()) {
            String g = "groups.find { it.group == '" + e.getKey() + "' }.";
            List<OutcomeReplay> group = e.getValue();
            long converted = group.stream().filter(l -> l.converted).count();
            for (String stage : List.of("LEAD", "OPPORTUNITY", "REJECTED")) {
                assertThat(report.getLong(g + "stages." + stage)).as(e.getKey() + " " + stage)
                        .isEqualTo(group.stream().filter(l -> l.stage.equals(stage)).count());
            }
            assertThat(report.getLong(g + "reachedOpportunity")).as(e.getKey()).isEqualTo(converted);
            // Outcomes are the only stage source here: a converted lead passed MQL and SQL on its way.
            assertThat(report.getLong(g + "reachedSql")).as(e.getKey()).isEqualTo(converted);
            assertThat(new BigDecimal(report.getString(g + "sqlToOpportunity"))).as(e.getKey())
                    .isEqualByComparingTo(BigDecimal.ONE);
            assertThat(new BigDecimal(report.getString(g + "leadToMql"))).as(e.getKey()).isEqualByComparingTo(
                    BigDecimal.valueOf(converted).divide(BigDecimal.valueOf(group.size()), 4, RoundingMode.HALF_UP));
            Map<String, Long> reasons = new TreeMap<>();
            group.stream().filter(l -> l.reason != null).forEach(l -> reasons.merge(l.reason, 1L, Long::sum));
            assertThat(report.getMap(g + "rejectionReasons", String.class, BigDecimal.class).entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, x -> x.getValue().longValue())))
                    .as(e.getKey()).isEqualTo(reasons);
        }
    }

    /** One lead's stage as the outcomes move it, replayed from the CSVs with the lifecycle's rules. */
    private static final class OutcomeReplay {
        final String channel;
        String stage = "LEAD";
        java.time.Instant since;
        boolean converted;
        String reason;
        long rejections;

        OutcomeReplay(String channel, java.time.Instant capturedAt) {
            this.channel = channel;
            this.since = capturedAt;
        }
    }

    private void checkFunnelByChannel(Map<String, String> channelByEmail) {
        String costsCsv = SampleData.read("campaign-costs.csv");
        // The report's window below; each period's cost counts for the share of its days inside it.
        LocalDate windowFrom = LocalDate.parse("2026-09-01");
        LocalDate windowTo = LocalDate.parse("2026-11-15");
        Map<String, BigDecimal> costByChannel = new TreeMap<>();
        List<String[]> costRows = rows(costsCsv);
        for (String[] r : costRows) {
            LocalDate start = LocalDate.parse(r[3]);
            LocalDate endExclusive = LocalDate.parse(r[4]).plusDays(1);
            long inside = Math.max(0, ChronoUnit.DAYS.between(start.isAfter(windowFrom) ? start : windowFrom,
                    endExclusive.isBefore(windowTo) ? endExclusive : windowTo));
            costByChannel.merge(r[1], new BigDecimal(r[5]).multiply(BigDecimal.valueOf(inside))
                    .divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(start, endExclusive)), MathContext.DECIMAL128),
                    BigDecimal::add);
        }
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType("text/csv").body(costsCsv)
                .post("/api/campaigns/costs")
                .then().statusCode(200).body("loaded", equalTo(costRows.size())).body("rejected", equalTo(0));
        Map<String, Long> leadsByChannel = new TreeMap<>();
        channelByEmail.values().forEach(c -> leadsByChannel.merge(c, 1L, Long::sum));

        // The sample leads were captured from 2026-09-01 to 2026-11-14; the other tests' leads are captured now.
        JsonPath report = new JsonPath(given().auth().oauth2(KeycloakTokens.of("lea"))
                .queryParam("groupBy", "channel").queryParam("from", "2026-09-01").queryParam("to", "2026-11-15")
                .get("/api/reports/funnel").then().statusCode(200).contentType(startsWith("application/json"))
                .extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertThat(report.getList("groups.group")).containsExactlyElementsOf(leadsByChannel.keySet());
        for (String channel : leadsByChannel.keySet()) {
            String g = "groups.find { it.group == '" + channel + "' }.";
            long leads = leadsByChannel.get(channel);
            assertThat(report.getLong(g + "leads")).as(channel).isEqualTo(leads);
            assertThat(report.getLong(g + "stages.LEAD")).as(channel).isEqualTo(leads);
            BigDecimal cost = costByChannel.getOrDefault(channel, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
            BigDecimal reported = new BigDecimal(report.getString(g + "cost"));
            assertThat(reported).as(channel).isCloseTo(cost, within(new BigDecimal("0.01")));
            assertThat(new BigDecimal(report.getString(g + "costPerLead"))).as(channel)
                    .isEqualByComparingTo(reported.divide(BigDecimal.valueOf(leads), 2, RoundingMode.HALF_UP));
        }
        given().auth().oauth2(KeycloakTokens.of("mara")).accept("text/csv")
                .queryParam("groupBy", "channel").queryParam("from", "2026-09-01").queryParam("to", "2026-11-15")
                .get("/api/reports/funnel").then().statusCode(200).contentType(startsWith("text/csv"))
                .body(startsWith("channel,leads,stage_LEAD"))
                .body(containsString("\r\npaid," + leadsByChannel.get("paid") + ","));
        given().auth().oauth2(KeycloakTokens.of("xena")).get("/api/reports/funnel").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("lea")).queryParam("groupBy", "colour").get("/api/reports/funnel")
                .then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
    }

    /** Submits an import, watches its progress while the API keeps answering, and returns the finished job. */
    private JsonPath runImport(String kind, String csv, String anyLead) {
        String location = given().auth().oauth2(KeycloakTokens.of("mara")).contentType("text/csv").body(csv)
                .post("/api/imports/" + kind)
                .then().statusCode(202).header("Location", notNullValue()).body("jobId", notNullValue())
                .extract().header("Location");
        List<Integer> progress = new ArrayList<>();
        List<Long> apiMillis = new ArrayList<>();
        JsonPath[] done = new JsonPath[1];
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long t = System.nanoTime();
            given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + anyLead).then().statusCode(200);
            apiMillis.add((System.nanoTime() - t) / 1_000_000);
            JsonPath job = given().auth().oauth2(KeycloakTokens.of("mara")).get(location)
                    .then().statusCode(200).extract().jsonPath();
            progress.add(job.getInt("processed"));
            assertThat(job.getString("status")).isNotEqualTo("FAILED");
            done[0] = job;
            return "DONE".equals(job.getString("status"));
        });
        assertThat(progress).isSorted();
        System.out.printf("IMPORT %s progress samples %s; slowest API call during it %d ms%n", kind, progress,
                apiMillis.stream().mapToLong(Long::longValue).max().orElse(0));
        assertThat(apiMillis).allSatisfy(ms -> assertThat(ms).isLessThan(5_000));
        return done[0];
    }

    private static List<String[]> rows(String csv) {
        return csv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
