package io.leadplatform.system;

import io.leadplatform.events.CloudEvent;
import io.leadplatform.events.EventJson;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.LeadQualified;
import io.leadplatform.support.testing.TestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two packaged routing-service replicas compete for one stream of 1,000 qualified leads (issue 5): every lead is
 * assigned exactly once, and the round-robin counts per member differ by at most 1. They run on a database and
 * vhost of their own, so the rest of the system tests are not disturbed. The time taken is printed and written
 * to target/routing-replicas.txt; it is a figure to report, not a pass criterion.
 */
class RoutingReplicasIT {

    static final String DB = "routing_service_replicas";
    static final String VHOST = "lead-platform-test-replicas";
    static final int LEADS = 1000;
    static final String QUEUE = "bbbbbbbb-0000-4000-8000-00000000000a";
    static final List<Process> replicas = new ArrayList<>();

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".."));
        Path logs = Path.of("target/platform-logs");
        Files.createDirectories(logs);
        String java = ProcessHandle.current().info().command().orElse("java");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 1; i <= 2; i++) {
            int port = 28090 + i;
            Map<String, String> env = new LinkedHashMap<>();
            env.put("ROUTING_SERVICE_PORT", String.valueOf(port));
            env.put("DB_NAME", DB);
            env.put("RABBITMQ_VHOST", VHOST);
            // The first replica starts from an empty database; the second then finds it migrated.
            env.put("QUARKUS_FLYWAY_CLEAN_AT_START", String.valueOf(i == 1));
            env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
            replicas.add(RunningPlatform.launch(java, root, "routing-service", "routing-replica-" + i, env, logs));
            await("routing replica " + i + " ready; logs in " + logs).atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500)).until(() -> RunningPlatform.ready(http, port));
        }
        try (Connection db = connect()) {
            db.createStatement().execute(Files.readString(root.resolve("routing-service/bench/setup.sql")));
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        replicas.forEach(Process::destroy);
        for (Process p : replicas) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + System.getenv().getOrDefault("DB_HOST", "localhost")
                        + ":" + System.getenv().getOrDefault("DB_PORT", "5432") + "/" + DB,
                System.getenv().getOrDefault("DB_USER", "leadplatform"),
                System.getenv().getOrDefault("DB_PASSWORD", "leadplatform"));
    }

    static long count(String sql) throws SQLException {
        try (Connection db = connect(); ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void twoReplicasAssignEachOfAThousandLeadsOnceWithFairRoundRobin() throws Exception {
        long started = System.nanoTime();
        try (TestBroker broker = TestBroker.connect(VHOST)) {
            assertThat(broker.consumerCount("routing-service.events")).as("both replicas consume the queue")
                    .isEqualTo(2);
            for (int i = 0; i < LEADS; i++) {
                UUID lead = UUID.randomUUID();
                Instant now = Instant.now();
                broker.publish(EventTypes.LEAD_QUALIFIED, EventJson.write(CloudEvent.of("routing-replicas-it",
                        EventTypes.LEAD_QUALIFIED, lead, now, new LeadQualified(lead, "MQL", "default-1", "A", 55, 20,
                                "inbound", "paid", "US", "NA", "bench", 450, "d" + i + ".example", true, now))));
            }
        }
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() ->
                count("SELECT count(*) FROM assignment WHERE queue_id = '" + QUEUE + "'") >= LEADS);
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(count("SELECT count(*) FROM (SELECT lead_id FROM assignment GROUP BY lead_id HAVING count(*) > 1) d"))
                .as("leads assigned more than once").isZero();
        assertThat(count("SELECT count(DISTINCT lead_id) FROM assignment WHERE queue_id = '" + QUEUE + "'"))
                .isEqualTo(LEADS);
        Map<String, Long> perMember = new LinkedHashMap<>();
        try (Connection db = connect(); ResultSet rs = db.createStatement().executeQuery("SELECT assignee, count(*) "
                + "FROM assignment WHERE queue_id = '" + QUEUE + "' GROUP BY assignee ORDER BY assignee")) {
            while (rs.next()) {
                perMember.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertThat(perMember).containsOnlyKeys("bench-a", "bench-b", "bench-c");
        long max = perMember.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long min = perMember.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(max - min).as("round-robin spread %s", perMember).isLessThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM processed_message")).as("each event applied once").isEqualTo(LEADS);

        String figure = String.format("%d leads assigned by 2 routing-service replicas in %.1f s = %.0f assignments/s"
                + " (publishing included; load average %s); per member %s%n", LEADS, seconds, LEADS / seconds,
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0], perMember);
        System.out.print(figure);
        Files.writeString(Path.of("target/routing-replicas.txt"), figure);
    }
}
