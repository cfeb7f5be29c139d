package io.leadplatform.system;

import io.leadplatform.events.Leads;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.TestBroker;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.leadplatform.system.RunningPlatform.gatewayUrl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A lead's life across services: an XDR's rejection recycles it in lead-service; an erasure reaches every service. */
@ExtendWith(RunningPlatform.class)
class LeadLifecycleIT {

    static final List<String> SERVICES = List.of("lead-service", "scoring-service", "routing-service", "sla-service");

    static void awaitAssignedToXenaWithAClock(String id) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.of("mara")).get(gatewayUrl() + "/api/leads/" + id).then()
                        .statusCode(200)
                        .body("assignment.assignee", equalTo("xena"))
                        .body("slaClocks", hasSize(1)));
    }

    @Test
    void anXdrsRejectionRecyclesTheLeadAndItsReasonShowsInTheFunnel() {
        String campaign = "reject-it-" + UUID.randomUUID();
        Map<String, Object> lead = Leads.inboundItSecurityLead();
        lead.put("campaign", campaign);
        String id = RunningPlatform.capture(lead);
        awaitAssignedToXenaWithAClock(id);

        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON)
                .body(Map.of("reason", "not-ready", "note", "budget next year"))
                .post(gatewayUrl() + "/api/leads/" + id + "/reject")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.of("mara")).get(gatewayUrl() + "/api/leads/" + id).then()
                        .statusCode(200)
                        .body("stage", equalTo("RECYCLED")));
        given().auth().oauth2(KeycloakTokens.of("mara")).accept(ContentType.JSON)
                .get(gatewayUrl() + "/api/reports/funnel?groupBy=campaign")
                .then().statusCode(200)
                .body("groups.find { it.group == '" + campaign + "' }.leads", equalTo(1))
                .body("groups.find { it.group == '" + campaign + "' }.stages.RECYCLED", equalTo(1))
                .body("groups.find { it.group == '" + campaign + "' }.rejectionReasons.not-ready", equalTo(1));
    }

    @Test
    void afterAnErasureTheEmailIsInNoTableOfAnyServiceInNoQueueAndInNoLog() throws Exception {
        Map<String, Object> lead = Leads.inboundItSecurityLead();
        String email = Leads.storedEmail(lead);
        String id = RunningPlatform.capture(lead);
        awaitAssignedToXenaWithAClock(id);
        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON)
                .body(Map.of("channel", "call")).post(gatewayUrl() + "/api/leads/" + id + "/touch")
                .then().statusCode(200);
        // The email is in the services' tables before the erasure, or the check below would prove nothing.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tablesHolding(email)).contains("lead-service.lead"));

        given().auth().oauth2(KeycloakTokens.of("mara")).delete(gatewayUrl() + "/api/leads/" + id)
                .then().statusCode(204);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(tablesHolding(email)).isEmpty());
        try (TestBroker broker = TestBroker.connect(RunningPlatform.VHOST)) {
            for (String service : SERVICES) {
                String queue = service + ".events";
                await().atMost(Duration.ofSeconds(10)).until(() -> broker.messageCount(queue) == 0);
                assertThat(broker.peek(queue + ".dlq")).noneMatch(body -> body.toLowerCase().contains(email));
            }
        }
        try (Stream<Path> logs = Files.list(Path.of("target/platform-logs"))) {
            for (Path log : logs.toList()) {
                assertThat(Files.readString(log).toLowerCase()).as(log.toString()).doesNotContain(email);
            }
        }
        given().auth().oauth2(KeycloakTokens.of("mara")).get(gatewayUrl() + "/api/leads/" + id)
                .then().statusCode(404);
    }

    /** Every "service.table" in which some row, any column, contains the text. */
    static List<String> tablesHolding(String text) throws SQLException {
        List<String> holding = new ArrayList<>();
        for (String service : SERVICES) {
            try (Connection db = Replicas.connect(service.replace('-', '_') + "_system")) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = db.createStatement().executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    var query = db.prepareStatement("SELECT count(*) FROM \"" + table + "\" t WHERE lower(t::text) LIKE ?");
                    query.setString(1, "%" + text + "%");
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            holding.add(service + "." + table);
                        }
                    }
                }
            }
        }
        return holding;
    }
}
