package io.leadplatform.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadplatform.events.EventJson;
import io.leadplatform.events.Leads;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.SampleData;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.leadplatform.system.RunningPlatform.gatewayUrl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/** Every line of data/sample/bad-inputs.jsonl through the gateway, with a good lead among them. */
@ExtendWith(RunningPlatform.class)
class BadInputsIT {

    static Response post(String body) {
        return given().auth().oauth2(KeycloakTokens.of("mara")).contentType("application/json").body(body)
                .post(gatewayUrl() + "/api/leads");
    }

    @Test
    void everyBadInputGetsItsExpectedAnswerAndTheGoodLeadAmongThemIsIntact() throws IOException {
        List<String> lines = SampleData.lines("bad-inputs.jsonl");
        assertThat(lines).hasSizeGreaterThan(10);
        Map<String, Object> good = Leads.inboundItSecurityLead();
        String goodId = null;
        List<String> outcomes = new ArrayList<>();

        String dupId = post("{\"email\":\"dup@b.example\"}").then().extract().path("id");
        for (int i = 0; i < lines.size(); i++) {
            if (i == lines.size() / 2) {
                goodId = given().auth().oauth2(KeycloakTokens.of("mara")).contentType("application/json")
                        .body(good).post(gatewayUrl() + "/api/leads").then().statusCode(201).extract().path("id");
            }
            JsonNode line = EventJson.mapper().readTree(lines.get(i));
            String body = line.has("raw") ? line.get("raw").asText() : line.get("lead").toString();
            Response response = post(body);
            outcomes.add(check(line.get("case").asText(), line.get("expect").asText(), line.get("lead"),
                    response, dupId));
        }
        assertThat(outcomes).allSatisfy(o -> assertThat(o).startsWith("ok"));

        String id = goodId;
        Response stored = given().auth().oauth2(KeycloakTokens.of("mara")).get(gatewayUrl() + "/api/leads/" + id);
        assertSoftly(s -> {
            s.assertThat(stored.statusCode()).isEqualTo(200);
            s.assertThat(stored.<String>path("email")).isEqualTo(Leads.storedEmail(good));
            s.assertThat(stored.<String>path("company")).isEqualTo(good.get("company"));
            s.assertThat(stored.<Integer>path("employees")).isEqualTo(good.get("employees"));
            s.assertThat(stored.<List<String>>path("technologies")).isEqualTo(good.get("technologies"));
        });
    }

    /** Returns "ok …" or what went wrong, so one run reports every line. */
    private static String check(String name, String expect, JsonNode lead, Response response, String dupId) {
        int status = response.statusCode();
        String contentType = String.valueOf(response.contentType());
        if (status >= 500) {
            return name + ": server error " + status;
        }
        if (status >= 400 && !contentType.startsWith("application/problem+json")) {
            return name + ": " + status + " without a problem document (" + contentType + ")";
        }
        boolean ok = switch (expect) {
            case "400" -> status == 400;
            case "400 or 413" -> status == 400 || status == 413;
            case "400 or 415" -> status == 400 || status == 415;
            case "201" -> status == 201;
            case "201, stored verbatim" -> status == 201 && storedVerbatim(response, lead);
            case "201 or 400, no header or log injection" ->
                    (status == 201 || status == 400) && response.getHeader("X-Admin") == null;
            case "400, or fields ignored" -> status == 400 || (status == 201 && fieldsIgnored(response));
            case "same lead as dup@b.example" -> status < 300 && dupId.equals(response.path("id"));
            default -> throw new IllegalArgumentException("an expectation this test does not know: " + expect);
        };
        return (ok ? "ok " : "FAILED ") + name + " (expected " + expect + ", got " + status + ")";
    }

    private static boolean storedVerbatim(Response created, JsonNode lead) {
        Response stored = given().auth().oauth2(KeycloakTokens.of("mara"))
                .get(gatewayUrl() + "/api/leads/" + created.path("id"));
        return lead.get("company").asText().equals(stored.path("company"));
    }

    private static boolean fieldsIgnored(Response created) {
        Response stored = given().auth().oauth2(KeycloakTokens.of("mara"))
                .get(gatewayUrl() + "/api/leads/" + created.path("id"));
        return !"SQL".equals(stored.path("stage")) && stored.path("assignment") == null;
    }
}
