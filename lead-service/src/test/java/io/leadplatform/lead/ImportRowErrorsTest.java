package io.leadplatform.lead;

import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bad rows become row errors with their line numbers while the good rows around them are stored. */
@QuarkusTest
class ImportRowErrorsTest {

    static final String HEADER = "external_id,email,first_name,last_name,company,domain,job_title,industry,employees,"
            + "annual_budget_usd,country,region,technologies,interests,source_direction,channel,source,campaign,"
            + "utm_source,utm_medium,utm_campaign,consent_marketing,consent_contact,captured_at\n";

    @Test
    void badRowsAreReportedAndGoodRowsStillLand() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER
                + row("X" + tag + "1", "good1-" + tag + "@acme.example", "12") // line 2
                + row("X" + tag + "2", "not-an-email", "12") // line 3
                + row("X" + tag + "3", "bad-size-" + tag + "@acme.example", "many") // line 4
                + "X" + tag + "4,short-row@acme.example\n" // line 5
                + row("X" + tag + "5", " GOOD1-" + tag + "@ACME.EXAMPLE ", "12").replace("T09:", "T11:") // merges
                + row("X" + tag + "6", "good2-" + tag + "@acme.example", "12"); // line 7
        JsonPath job = run("leads", csv);
        assertThat(job.getInt("total")).isEqualTo(6);
        assertThat(job.getInt("accepted")).isEqualTo(2);
        assertThat(job.getInt("merged")).isEqualTo(1);
        assertThat(job.getInt("rejected")).isEqualTo(3);
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(3, 4, 5);
        assertThat(job.getString("errors[0].reason")).startsWith("email:");
        assertThat(job.getString("errors[1].reason")).startsWith("employees:");

        String events = "external_id,type,value,occurred_at\n"
                + "X" + tag + "5,demo_requested,,2026-10-01T10:00:00Z\n" // the merged row's id finds the lead
                + "nobody-" + tag + ",page_view,,2026-10-01T10:00:00Z\n"
                + "X" + tag + "1,teleported,,2026-10-01T10:00:00Z\n"
                + "X" + tag + "1,nps_submitted,9,2026-10-02T10:00:00Z\n";
        JsonPath eventsJob = run("events", events);
        assertThat(eventsJob.getInt("accepted")).isEqualTo(2);
        assertThat(eventsJob.getList("errors.line", Integer.class)).containsExactly(3, 4);
        assertThat(eventsJob.getString("errors[0].reason")).isEqualTo("external_id: no lead has it");

        String id = given().auth().oauth2(KeycloakTokens.of("mara")).queryParam("campaign", "import-" + tag)
                .get("/api/leads").then().statusCode(200).body("total", equalTo(2))
                .extract().path("items.find { it.email == 'good1-" + tag + "@acme.example' }.id");
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + id + "/timeline").then()
                .statusCode(200).body("kind", hasItem("engagement")).body("kind", hasItem("merged"));
    }

    @Test
    void outcomeRowsAreValidatedAndAppliedAsTimelineTransitions() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonPath leads = run("leads", HEADER + row("X" + tag + "1", "won-" + tag + "@acme.example", "12")
                + row("X" + tag + "2", "lost-" + tag + "@acme.example", "12"));
        assertThat(leads.getInt("accepted")).isEqualTo(2);
        String won = "X" + tag + "1";
        String lost = "X" + tag + "2";
        String outcomes = "external_id,outcome,reason,decided_at\n"
                + won + ",converted,,2025-10-05T10:00:00Z\n" // line 2
                + lost + ",rejected,no-budget,2025-10-06T10:00:00Z\n"
                + lost + ",rejected,,2025-10-07T10:00:00Z\n" // line 4: no reason
                + won + ",rejected,bored,2025-10-07T10:00:00Z\n" // line 5: unknown reason
                + won + ",won,,2025-10-07T10:00:00Z\n" // line 6
                + "nobody-" + tag + ",converted,,2025-10-07T10:00:00Z\n" // line 7
                + won + ",rejected,competitor,2025-09-01T10:00:00Z\n" // line 8: older than the conversion
                + won + ",converted,,2025-10-05T10:00:00Z\n" // line 9: the same outcome again
                + won + ",converted,,\n"; // line 10
        JsonPath job = run("outcomes", outcomes);
        assertThat(job.getString("kind")).isEqualTo("outcomes");
        assertThat(job.getInt("accepted")).isEqualTo(2);
        assertThat(job.getInt("merged")).isEqualTo(1);
        assertThat(job.getInt("rejected")).isEqualTo(6);
        assertThat(job.getList("errors.line", Integer.class)).containsExactly(4, 5, 6, 7, 8, 10);
        assertThat(job.getList("errors.reason", String.class)).containsExactly(
                "reason: is required when the outcome is rejected",
                "reason: must be one of bad-data, competitor, duplicate, no-budget, no-response, not-ready, "
                        + "wrong-persona",
                "outcome: must be converted or rejected",
                "external_id: no lead has it",
                "decided_at: older than the lead's move to OPPORTUNITY at 2025-10-05T10:00:00Z, so not applied",
                "decided_at: is required");

        String wonId = leadId("won-" + tag + "@acme.example", tag);
        String lostId = leadId("lost-" + tag + "@acme.example", tag);
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + wonId).then()
                .body("stage", equalTo("OPPORTUNITY"));
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + lostId).then()
                .body("stage", equalTo("REJECTED"));
        JsonPath timeline = given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + wonId + "/timeline")
                .then().statusCode(200).extract().jsonPath();
        assertThat(timeline.getString("find { it.kind == 'stage-changed' }.detail.cause"))
                .isEqualTo("outcome converted from the outcomes import");
        assertThat(timeline.getString("find { it.kind == 'stage-changed' }.at")).isEqualTo("2025-10-05T10:00:00Z");
        JsonPath lostTimeline = given().auth().oauth2(KeycloakTokens.of("mara"))
                .get("/api/leads/" + lostId + "/timeline").then().statusCode(200).extract().jsonPath();
        assertThat(lostTimeline.getString("find { it.kind == 'rejected' }.detail.reason")).isEqualTo("no-budget");
        assertThat(lostTimeline.getString("find { it.kind == 'stage-changed' }.detail.to")).isEqualTo("REJECTED");
    }

    private static String leadId(String email, String tag) {
        return given().auth().oauth2(KeycloakTokens.of("mara")).queryParam("campaign", "import-" + tag)
                .get("/api/leads").then().statusCode(200)
                .extract().path("items.find { it.email == '" + email + "' }.id");
    }

    @Test
    void aMissingColumnOrAWrongRoleIsRefusedUpFront() {
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType("text/csv").body("external_id,outcome\nx,y\n")
                .post("/api/imports/outcomes").then().statusCode(400).body("errors[0].field", equalTo("header"));
        given().auth().oauth2(KeycloakTokens.of("xena")).contentType("text/csv")
                .body("external_id,outcome,reason,decided_at\n").post("/api/imports/outcomes").then().statusCode(403);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/imports/outcomes"));
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType("text/csv").body("external_id,type\nx,y\n")
                .post("/api/imports/events").then().statusCode(400).body("errors[0].field", equalTo("header"));
        given().auth().oauth2(KeycloakTokens.of("xena")).contentType("text/csv").body(HEADER)
                .post("/api/imports/leads").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/imports/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    static String row(String externalId, String email, String employees) {
        String campaign = "import-" + externalId.substring(1, 9);
        return externalId + "," + email + ",Kim,Lee,Acme,acme.example,CTO,SaaS," + employees + ",1000,US,NA,"
                + "Okta;Slack,automation,inbound,paid,google-ads," + campaign + ",google,cpc," + campaign
                + ",true,true,2025-10-01T09:00:00Z\n"; // before the sample data's window, which the funnel test checks
    }

    static JsonPath run(String kind, String csv) {
        String location = given().auth().oauth2(KeycloakTokens.of("mara")).contentType("text/csv").body(csv)
                .post("/api/imports/" + kind).then().statusCode(202).extract().header("Location");
        JsonPath[] job = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            job[0] = given().auth().oauth2(KeycloakTokens.of("mara")).get(location).then().statusCode(200)
                    .extract().jsonPath();
            return "DONE".equals(job[0].getString("status"));
        });
        return job[0];
    }
}
