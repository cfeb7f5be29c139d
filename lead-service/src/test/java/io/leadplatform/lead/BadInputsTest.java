package io.leadplatform.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadplatform.events.Leads;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.SampleData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Every line of data/sample/bad-inputs.jsonl gets the behaviour it expects, and good leads around them survive. */
@QuarkusTest
class BadInputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyBadInputGetsTheExpectedBehaviourAndGoodLeadsSurvive() throws Exception {
        String before = LeadResourceTest.capture(goodLead("before"));
        List<String> lines = SampleData.read("bad-inputs.jsonl").lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(15);
        List<String> failures = new ArrayList<>();
        String middle = null;
        for (int i = 0; i < lines.size(); i++) {
            if (i == lines.size() / 2) {
                middle = LeadResourceTest.capture(goodLead("middle"));
            }
            JsonNode line = JSON.readTree(lines.get(i));
            String failure = check(line);
            if (failure != null) {
                failures.add(line.get("case").asText() + ": " + failure);
            }
        }
        String after = LeadResourceTest.capture(goodLead("after"));
        assertThat(failures).isEmpty();
        for (var id : List.of(before, middle, after)) {
            given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + id).then().statusCode(200)
                    .body("company", equalTo("Acme Security")).body("employees", equalTo(450))
                    .body("technologies", equalTo(List.of("salesforce", "okta")));
        }
    }

    private static String check(JsonNode line) throws Exception {
        String expect = line.get("expect").asText();
        List<Integer> allowed = new ArrayList<>();
        Matcher m = Pattern.compile("\\b([245]\\d\\d)\\b").matcher(expect);
        while (m.find()) {
            allowed.add(Integer.parseInt(m.group(1)));
        }
        Matcher same = Pattern.compile("same lead as (\\S+)").matcher(expect);
        String firstId = null;
        if (same.find()) {
            firstId = given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                    .body(Map.of("email", same.group(1))).post("/api/leads").then().extract().path("id");
            allowed.add(200);
        }
        Response response = line.has("raw")
                ? given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                        .body(line.get("raw").asText()).post("/api/leads")
                : given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                        .body(JSON.writeValueAsString(line.get("lead"))).post("/api/leads");
        int status = response.statusCode();
        if (status >= 500 || !allowed.contains(status)) {
            return "got " + status + ", expected " + expect + ": " + response.asString();
        }
        if (status >= 400) {
            return response.contentType().startsWith("application/problem+json") ? null
                    : "answered " + status + " as " + response.contentType() + ": " + response.asString();
        }
        String id = response.path("id");
        if (firstId != null && !firstId.equals(id)) {
            return "merged into " + id + " instead of " + firstId;
        }
        // Whatever was accepted is stored verbatim (email normalised), never escaped or truncated.
        JsonNode stored = JSON.readTree(given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + id)
                .then().statusCode(200).extract().asString());
        for (Iterator<Map.Entry<String, JsonNode>> it = line.get("lead").fields(); it.hasNext(); ) {
            var field = it.next();
            String name = camel(field.getKey());
            String expected = "email".equals(name) ? field.getValue().asText().strip().toLowerCase()
                    : field.getValue().asText();
            if (!stored.has(name) || !expected.equals(stored.get(name).asText())) {
                return name + " stored as " + stored.get(name) + " instead of " + field.getValue();
            }
        }
        return null;
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static Map<String, Object> goodLead(String tag) {
        Map<String, Object> lead = Leads.inboundItSecurityLead();
        lead.put("jobTitle", "Director of IT (" + tag + ")");
        return lead;
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        String huge = "{\"email\":\"big@b.example\",\"company\":\"" + "x".repeat(2_000_000) + "\"}";
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON).body(huge)
                .post("/api/leads")
                .then().statusCode(413).contentType(startsWith("application/problem+json"));
    }

    @Test
    void snakeCaseFieldsAreAcceptedAndConsentIsRecorded() {
        Map<String, Object> lead = Leads.inboundItSecurityLead();
        lead.remove("firstName");
        lead.put("first_name", "Zoë");
        lead.put("consentTextVersion", "2026-09");
        String id = LeadResourceTest.capture(lead);
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + id + "/export").then().statusCode(200)
                .body("lead.firstName", equalTo("Zoë"))
                .body("consent.marketing", equalTo(true))
                .body("consent.source", equalTo("api"))
                .body("consent.textVersion", equalTo("2026-09"));
    }
}
