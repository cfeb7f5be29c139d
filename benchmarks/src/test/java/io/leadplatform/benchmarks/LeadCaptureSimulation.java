package io.leadplatform.benchmarks;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Replays leads.csv against the gateway in an open workload. deploy/bench.sh runs it twice: a warm-up phase ("w",
 * arrivals ramp up to the rate, so the JIT compiles the hot paths before anything is measured), then the measured
 * phase ("m", a fixed arrival rate). Every lead gets a run- and phase-unique email so nothing merges with earlier
 * runs; deploy/bench.sh reads the pipeline's timings for the "m" emails from the databases afterwards.
 *
 * <p>Only the rows the built-in scoring model (default-1) qualifies on capture are replayed: fit of 40 or more,
 * grade B or better. Every replayed lead must then reach "assigned, with its SLA clock started", which is what the
 * benchmark measures; deploy/bench.sh reports any that did not qualify under the active model.
 */
public class LeadCaptureSimulation extends Simulation {

    static final String GATEWAY = System.getProperty("bench.gateway", "http://localhost:8080");
    static final String KEYCLOAK = System.getProperty("bench.keycloak", "http://localhost:8180");
    static final String RUN_ID = System.getProperty("bench.runId", "run" + System.currentTimeMillis());
    static final int RATE = Integer.getInteger("bench.rate", 200);
    static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    static final String PHASE = System.getProperty("bench.phase", "m");
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 60);
    static final Pattern SENIOR_TITLE = Pattern.compile("(?i)\\b(director|vp|vice president|head|chief|c[a-z]o)\\b");
    static final Path LEADS = Path.of(System.getProperty("bench.leads", "../data/sample/leads.csv"));

    static final String TOKEN = clientCredentialsToken();

    static String clientCredentialsToken() {
        String form = "grant_type=client_credentials&client_id=web-forms&client_secret="
                + URLEncoder.encode(System.getProperty("bench.clientSecret", "web-forms-local-secret"),
                StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(KEYCLOAK + "/realms/lead-platform/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
            if (!m.find()) {
                throw new IllegalStateException("no token from Keycloak: " + response.statusCode());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Cycles through leads.csv, turning each row into the capture JSON with a run- and phase-unique email. */
    static Iterator<Map<String, Object>> leads(String phase) {
        List<String[]> rows;
        try (var lines = Files.lines(LEADS)) {
            rows = lines.skip(1).map(l -> l.split(",", -1)).filter(r -> r.length == 24)
                    .filter(LeadCaptureSimulation::qualifiesOnCapture).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("no row of " + LEADS + " qualifies on capture");
        }
        AtomicLong seq = new AtomicLong();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                long n = seq.getAndIncrement();
                String[] r = rows.get((int) (n % rows.size()));
                Map<String, Object> lead = new HashMap<>();
                String tag = "bench-" + RUN_ID + "-" + phase + "-" + n;
                lead.put("body", json(r, tag, tag + "@" + r[5].strip()));
                return lead;
            }
        };
    }

    /** The fit rules of the built-in model default-1 (scoring-service V3__cel_models.sql); MQL needs fit >= 40. */
    static boolean qualifiesOnCapture(String[] r) {
        int fit = 0;
        fit += !r[8].isBlank() && Integer.parseInt(r[8].strip()) > 100 ? 15 : 0;
        fit += !r[9].isBlank() && Double.parseDouble(r[9].strip()) >= 10_000 ? 15 : 0;
        fit += List.of("it security", "saas", "financial services").contains(r[7].strip().toLowerCase()) ? 10 : 0;
        fit += SENIOR_TITLE.matcher(r[6]).find() ? 10 : 0;
        fit += List.of(r[12].toLowerCase().split(";")).stream().anyMatch(t -> t.strip().equals("salesforce")) ? 5 : 0;
        return fit >= 40;
    }

    static String json(String[] r, String externalId, String email) {
        return "{\"externalId\":\"" + externalId + "\",\"email\":\"" + email + "\",\"firstName\":\"" + r[2]
                + "\",\"lastName\":\"" + r[3] + "\",\"company\":\"" + r[4] + "\",\"jobTitle\":\"" + r[6]
                + "\",\"industry\":\"" + r[7] + "\",\"employees\":" + r[8] + ",\"annualBudgetUsd\":" + r[9]
                + ",\"country\":\"" + r[10] + "\",\"region\":\"" + r[11] + "\",\"technologies\":" + list(r[12])
                + ",\"interests\":" + list(r[13]) + ",\"direction\":\"" + r[14] + "\",\"channel\":\"" + r[15]
                + "\",\"source\":\"" + r[16] + "\",\"campaign\":\"" + r[17] + "\",\"consentMarketing\":" + r[21]
                + ",\"consentContact\":" + r[22] + ",\"capturedAt\":\"" + r[23] + "\"}";
    }

    static String list(String semicolonSeparated) {
        if (semicolonSeparated.isBlank()) {
            return "[]";
        }
        StringBuilder out = new StringBuilder("[");
        for (String item : semicolonSeparated.split(";")) {
            out.append(out.length() > 1 ? "," : "").append('"').append(item.strip()).append('"');
        }
        return out.append(']').toString();
    }

    HttpProtocolBuilder protocol = http.baseUrl(GATEWAY)
            .authorizationHeader("Bearer " + TOKEN)
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .shareConnections();

    static ScenarioBuilder capture(String phase) {
        return scenario(phase)
                .feed(leads(phase))
                .exec(http("POST /api/leads").post("/api/leads").body(StringBody("#{body}"))
                        .check(status().is(201), jsonPath("$.id").exists()));
    }

    {
        // Two runs, so the measured run's statistics hold no warm-up request.
        var injection = "w".equals(PHASE)
                ? rampUsersPerSec(Math.min(10, RATE)).to(RATE).during(Duration.ofSeconds(WARMUP_SECONDS))
                : constantUsersPerSec(RATE).during(Duration.ofSeconds(SECONDS));
        setUp(capture(PHASE).injectOpen(injection))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
