package io.leadplatform.lead;

import io.leadplatform.events.Leads;
import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Times a source cannot have seen (before 2000, or more than a few minutes ahead) and values out of their range (an
 * NPS above 10) are refused, naming the field: a problem+json from the API, a row error from an import.
 */
@QuarkusTest
class ImplausibleValuesTest {

    static ValidatableResponse post(String path, Object body) {
        return given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON).body(body)
                .post(path).then();
    }

    static Map<String, Object> leadCapturedAt(String at) {
        Map<String, Object> lead = Leads.inboundItSecurityLead();
        lead.put("capturedAt", at);
        return lead;
    }

    @Test
    void aCaptureDatedInTheFutureOrBefore2000IsRefusedNamingCapturedAt() {
        for (String at : new String[] {"2099-01-01T00:00:00Z", Instant.now().plus(1, ChronoUnit.HOURS).toString(),
                "1999-12-31T23:59:59Z"}) {
            post("/api/leads", leadCapturedAt(at)).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("capturedAt"));
        }
        post("/api/leads", leadCapturedAt(Instant.now().plus(1, ChronoUnit.MINUTES).toString())).statusCode(201);
        post("/api/leads", leadCapturedAt("2000-01-01T00:00:00Z")).statusCode(201);
    }

    @Test
    void anEngagementInTheFutureOrAnNpsOutOfZeroToTenIsRefusedNamingTheField() {
        String id = LeadResourceTest.capture(Leads.inboundItSecurityLead());
        String path = "/api/leads/" + id + "/events";

        post(path, Map.of("type", "page_view", "occurredAt", "2031-01-01T00:00:00Z")).statusCode(400)
                .body("errors.field", hasItem("occurredAt"));
        post(path, Map.of("type", "nps_submitted", "value", 11)).statusCode(400)
                .body("errors[0].field", equalTo("value"));
        post(path, Map.of("type", "nps_submitted", "value", -1)).statusCode(400)
                .body("errors[0].field", equalTo("value"));
        post(path, Map.of("type", "nps_submitted", "value", 10)).statusCode(201);

        String email = Leads.storedEmail(Leads.inboundItSecurityLead());
        post("/api/leads/events", Map.of("email", email, "type", "nps_submitted", "value", 12)).statusCode(400)
                .body("errors[0].field", equalTo("value"));
    }

    @Test
    void anImportRefusesSuchRowsAsRowErrorsNamingTheColumn() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String good = ImportRowErrorsTest.row("X" + tag + "1", "now-" + tag + "@acme.example", "12");
        JsonPath leads = ImportRowErrorsTest.run("leads", ImportRowErrorsTest.HEADER + good
                + ImportRowErrorsTest.row("X" + tag + "2", "later-" + tag + "@acme.example", "12")
                        .replace("2025-10-01T09:00:00Z", "2099-10-01T09:00:00Z"));
        assertThat(leads.getInt("accepted")).isEqualTo(1);
        assertThat(leads.getList("errors.line", Integer.class)).containsExactly(3);
        assertThat(leads.getString("errors[0].reason")).startsWith("captured_at: ");

        JsonPath events = ImportRowErrorsTest.run("events", "external_id,type,value,occurred_at\n"
                + "X" + tag + "1,nps_submitted,9,2025-10-02T10:00:00Z\n"
                + "X" + tag + "1,nps_submitted,11,2025-10-02T10:00:00Z\n"
                + "X" + tag + "1,page_view,,2031-10-02T10:00:00Z\n");
        assertThat(events.getInt("accepted")).isEqualTo(1);
        assertThat(events.getList("errors.line", Integer.class)).containsExactly(3, 4);
        assertThat(events.getList("errors.reason", String.class))
                .containsExactly("value: must be 0 to 10 for nps_submitted",
                        "occurred_at: must be from 2000-01-01 up to five minutes from now");
    }
}
