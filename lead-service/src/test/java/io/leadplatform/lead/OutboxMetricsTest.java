package io.leadplatform.lead;

import io.leadplatform.events.Leads;
import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Prometheus series the Grafana dashboard reads: events committed by type, and the outbox backlog. */
@QuarkusTest
class OutboxMetricsTest {

    private static final Pattern CAPTURED =
            Pattern.compile("(?m)^outbox_events_committed_total\\{[^}]*type=\"lead\\.captured\"[^}]*} ([0-9.E+]+)$");

    static double capturedSoFar() {
        Matcher m = CAPTURED.matcher(metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void aCapturedLeadCountsOnceItCommitsAndTheBacklogIsExported() {
        double before = capturedSoFar();

        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                .body(Leads.inboundItSecurityLead())
                .post("/api/leads").then().statusCode(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(capturedSoFar()).isGreaterThanOrEqualTo(before + 1));
        assertThat(metrics()).containsPattern("(?m)^outbox_unsent(\\{.*})? [0-9.E+-]+$")
                .containsPattern("(?m)^outbox_oldest_unsent_age_seconds(\\{.*})? [0-9.E+-]+$");
    }
}
