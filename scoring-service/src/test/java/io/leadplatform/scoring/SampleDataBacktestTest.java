package io.leadplatform.scoring;

import io.leadplatform.events.EventJson;
import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The sample data imported into the service's tables: backtests of two models against outcomes.csv, and the TRUE
 * lead criterion selecting exactly the leads that meet it. The imported rows are removed afterwards, so that the
 * other tests' re-scoring passes stay small.
 */
@QuarkusTest
class SampleDataBacktestTest {

    @Inject
    DataSource dataSource;

    static UUID leadId(String externalId) {
        return UUID.nameUUIDFromBytes(("sample:" + externalId).getBytes(StandardCharsets.UTF_8));
    }

    void importSample() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement leads = c.prepareStatement(
                    "INSERT INTO lead_profile (lead_id, version, profile, updated_at) VALUES (?, 1, ?::jsonb, now())");
                 PreparedStatement events = c.prepareStatement("INSERT INTO engagement (id, lead_id, type, value,"
                         + " occurred_at) VALUES (?, ?, ?, ?, ?)")) {
                int n = 0;
                for (SampleLeads.Lead lead : SampleLeads.leads().values()) {
                    leads.setObject(1, leadId(lead.externalId()));
                    leads.setString(2, EventJson.mapper().writeValueAsString(lead.profile()));
                    leads.addBatch();
                    if (++n % 1000 == 0) {
                        leads.executeBatch();
                    }
                }
                leads.executeBatch();
                n = 0;
                for (List<SampleLeads.Event> list : SampleLeads.events().values()) {
                    for (SampleLeads.Event event : list) {
                        events.setObject(1, UUID.randomUUID());
                        events.setObject(2, leadId(event.externalId()));
                        events.setString(3, event.type());
                        if (event.value() == null) {
                            events.setNull(4, Types.DOUBLE);
                        } else {
                            events.setDouble(4, event.value());
                        }
                        events.setTimestamp(5, Timestamp.from(event.occurredAt()));
                        events.addBatch();
                        if (++n % 2000 == 0) {
                            events.executeBatch();
                        }
                    }
                }
                events.executeBatch();
            }
            c.commit();
        }
    }

    void removeSample() throws SQLException {
        Object[] ids = SampleLeads.leads().keySet().stream().map(SampleDataBacktestTest::leadId).toArray();
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("engagement", "lead_score", "score_history", "lead_profile")) {
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM " + table + " WHERE lead_id = ANY (?)")) {
                    delete.setArray(1, c.createArrayOf("uuid", ids));
                    delete.executeUpdate();
                }
            }
        }
    }

    static String draft(String version, Object definition) {
        return given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                .body(Map.of("name", version, "version", version + "-" + UUID.randomUUID(), "definition", definition))
                .post("/api/scoring/models").then().statusCode(201).extract().path("id");
    }

    static JsonPath backtest(String modelId) {
        return given().auth().oauth2(KeycloakTokens.of("mel")).contentType("text/csv")
                .body(SampleLeads.outcomesCsv()).post("/api/scoring/models/" + modelId + "/backtest")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void backtestsOfTwoModelsOnTheSampleDataGiveDifferentPlausibleRates() throws Exception {
        String trueLead = draft("true-lead", Models.resource("true-lead"));
        String engaged = draft("engaged-buyer", Models.resource("bench-25"));
        importSample();
        try {
            JsonPath a = backtest(trueLead);
            JsonPath b = backtest(engaged);
            System.out.println("backtest true-lead: " + a.prettify());
            System.out.println("backtest engaged-buyer: " + b.prettify());

            assertThat(a.getInt("leads")).isGreaterThanOrEqualTo(20_000);
            assertThat(a.getInt("decided")).isEqualTo(6_779);
            assertThat(a.getString("activeModelVersion")).isEqualTo("default-1");
            double baseline = a.getDouble("baselineConversionRate");
            assertThat(baseline).isBetween(0.01, 0.99);

            // the TRUE-lead criterion: exactly the leads that meet it are SQL
            assertThat(a.getInt("stages[1].model.leads")).isEqualTo(TrueLeadTest.trueLeads().size());
            assertThat(a.getList("stages[1].examples", String.class))
                    .containsExactlyElementsOf(TrueLeadTest.trueLeads());

            for (JsonPath report : List.of(a, b)) {
                assertThat(report.getString("stages[0].stage")).isEqualTo("MQL");
                assertThat(report.getInt("stages[0].model.leads")).isPositive();
                assertThat(report.getDouble("stages[0].model.conversionRate")).isBetween(0.01, 0.99);
                assertThat(report.getDouble("stages[0].active.conversionRate")).isBetween(0.01, 0.99);
                // selecting on fit and engagement must beat picking at random
                assertThat(report.getDouble("stages[0].model.conversionRate")).isGreaterThan(baseline);
                assertThat(report.getDouble("stages[0].lift")).isPositive();
            }
            assertThat(a.getDouble("stages[0].model.conversionRate"))
                    .isNotEqualTo(b.getDouble("stages[0].model.conversionRate"));
            assertThat(a.getInt("stages[0].model.leads")).isNotEqualTo(b.getInt("stages[0].model.leads"));
            assertThat(a.getDouble("stages[0].active.conversionRate"))
                    .isEqualTo(b.getDouble("stages[0].active.conversionRate"));
        } finally {
            removeSample();
        }
    }

    @Test
    void aBadOutcomesFileNamesTheLine() {
        String model = draft("true-lead", Models.resource("true-lead"));
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType("text/csv")
                .body("external_id,outcome,reason,decided_at\nL1,won,,2026-10-01T00:00:00Z\n")
                .post("/api/scoring/models/" + model + "/backtest")
                .then().statusCode(400).body("errors[0].field", equalTo("outcomes[2].outcome"));
        given().auth().oauth2(KeycloakTokens.of("xena")).contentType("text/csv").body(SampleLeads.outcomesCsv())
                .post("/api/scoring/models/" + model + "/backtest").then().statusCode(403);
    }
}
