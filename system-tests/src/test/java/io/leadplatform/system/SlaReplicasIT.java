package io.leadplatform.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two packaged sla-service instances share one clock table: 10,000 clocks falling due within one minute
 * give exactly 10,000 breaches, none early, each with one {@code sla.breached} in the outbox, and both instances
 * take part. They run on a database and vhost of their own. The breach lag is printed and written to
 * target/sla-replicas.txt; it is a figure to report, not a pass criterion.
 */
class SlaReplicasIT {

    static final String DB = "sla_service_replicas";
    static final String VHOST = "lead-platform-test-sla-replicas";
    static final int CLOCKS = 10_000;
    static final int[] PORTS = {28094, 28095};
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static Replicas instances;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        instances = Replicas.start("sla-service", "SLA_SERVICE_PORT", List.of(PORTS[0], PORTS[1]), DB, VHOST);
    }

    @AfterAll
    static void stop() {
        if (instances != null) {
            instances.close();
        }
    }

    static Connection connect() throws SQLException {
        return instances.connect();
    }

    static long count(String sql, String queue) throws SQLException {
        try (Connection db = connect(); PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, queue);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** This instance's sla_breaches_total for the queue, from its Prometheus endpoint (on its management port). */
    static double breachesCounted(int port, String queue) throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(RunningPlatform.managementUrl(port) + "/q/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^sla_breaches_total\\{[^}]*queue=\"" + Pattern.quote(queue)
                + "\"[^}]*} ([0-9.E+]+)$").matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    @Test
    void twoInstancesBreachTenThousandClocksDueWithinAMinuteExactlyOnceAndNoneEarly() throws Exception {
        String queue = "replicas-" + UUID.randomUUID();
        Instant start = Instant.now().plusSeconds(5);
        try (Connection db = connect(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO sla_clock (id, lead_id, assignment_id, clock_type, policy_version, owning_org, queue_name,"
                        + " assignee, status, started_at, due_at, calendar_name) SELECT gen_random_uuid(),"
                        + " gen_random_uuid(), gen_random_uuid(), 'FIRST_TOUCH', 'replicas-1', 'MARKETING', ?,"
                        + " 'replica-load', 'RUNNING', now(), CAST(? AS timestamptz) + g * interval '6 milliseconds', '24x7'"
                        + " FROM generate_series(0, ? - 1) g")) {
            insert.setString(1, queue);
            insert.setTimestamp(2, Timestamp.from(start));
            insert.setInt(3, CLOCKS);
            assertThat(insert.executeUpdate()).isEqualTo(CLOCKS);
        }
        Instant lastDue = start.plusMillis(6L * (CLOCKS - 1));

        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).until(() ->
                count("SELECT count(*) FROM sla_clock WHERE queue_name = ? AND status = 'BREACHED'", queue) == CLOCKS);
        Instant allBreached = Instant.now();

        assertThat(count("SELECT count(*) FROM sla_clock WHERE queue_name = ? AND breached_at < due_at", queue))
                .as("breached early").isZero();
        String breaches = "FROM outbox_message WHERE type = 'sla.breached' AND subject IN "
                + "(SELECT lead_id::text FROM sla_clock WHERE queue_name = ?)";
        assertThat(count("SELECT count(*) " + breaches, queue)).isEqualTo(CLOCKS);
        assertThat(count("SELECT count(DISTINCT subject) " + breaches, queue)).isEqualTo(CLOCKS);
        double first = breachesCounted(PORTS[0], queue);
        double second = breachesCounted(PORTS[1], queue);
        assertThat(first + second).as("breaches counted by the two instances").isEqualTo(CLOCKS);
        assertThat(first).as("instance 1 took part").isPositive();
        assertThat(second).as("instance 2 took part").isPositive();

        long p50;
        long p99;
        try (Connection db = connect(); PreparedStatement q = db.prepareStatement("SELECT"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM breached_at - due_at)) * 1000,"
                + " percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM breached_at - due_at)) * 1000"
                + " FROM sla_clock WHERE queue_name = ?")) {
            q.setString(1, queue);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                p50 = Math.round(rs.getDouble(1));
                p99 = Math.round(rs.getDouble(2));
            }
        }
        String figure = String.format("%d clocks due over %.0f s, breached by 2 sla-service instances (%.0f + %.0f);"
                        + " lag from due time to breach p50 %d ms, p99 %d ms; all breached %.1f s after the last was due"
                        + " (load average %s)%n", CLOCKS, Duration.between(start, lastDue).toMillis() / 1000.0, first,
                second, p50, p99, Duration.between(lastDue, allBreached).toMillis() / 1000.0,
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        System.out.print(figure);
        Files.writeString(Path.of("target/sla-replicas.txt"), figure);
    }
}
