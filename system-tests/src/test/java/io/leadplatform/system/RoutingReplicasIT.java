package io.leadplatform.system;

import io.leadplatform.events.CloudEvent;
import io.leadplatform.events.EventJson;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.LeadQualified;
import io.leadplatform.support.testing.TestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two packaged routing-service replicas compete for one stream of 1,000 qualified leads: every lead is
 * assigned exactly once, and the round-robin counts per member differ by at most 1. They run on a database and
 * vhost of their own, so the rest of the system tests are not disturbed. The time taken is printed and written
 * to target/routing-replicas.txt; it is a figure to report, not a pass criterion.
 */
class RoutingReplicasIT {

    static final String DB = "routing_service_replicas";
    static final String VHOST = "lead-platform-test-replicas";
    static final int LEADS = 1000;
    static final String QUEUE = "bbbbbbbb-0000-4000-8000-00000000000a";
    static Replicas replicas;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        replicas = Replicas.start("routing-service", "ROUTING_SERVICE_PORT", List.of(28091, 28092), DB, VHOST);
        try (Connection db = replicas.connect()) {
            db.createStatement().execute(Files.readString(Replicas.ROOT.resolve("routing-service/bench/setup.sql")));
        }
    }

    @AfterAll
    static void stop() {
        if (replicas != null) {
            replicas.close();
        }
    }

    static Connection connect() throws SQLException {
        return replicas.connect();
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
                                "inbound", "paid", "US", "NA", "bench", 450, "d" + i + ".example", true, now, "MID_MARKET"))));
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
