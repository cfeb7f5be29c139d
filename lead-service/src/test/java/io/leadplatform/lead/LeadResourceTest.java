package io.leadplatform.lead;

import io.leadplatform.events.EventTypes;
import io.leadplatform.events.GoldenFixtures;
import io.leadplatform.events.Leads;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.TestBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class LeadResourceTest {

    static TestBroker broker;
    static String captured;

    @BeforeAll
    static void tap() {
        broker = TestBroker.connect("lead-platform-test-lead");
        captured = broker.tap(EventTypes.LEAD_CAPTURED, EventTypes.LEAD_UPDATED);
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    static String capture(Map<String, Object> body) {
        return given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON).body(body)
                .post("/api/leads")
                .then().statusCode(201).body("merged", equalTo(false))
                .extract().path("id");
    }

    @Test
    void capturedLeadIsStoredNormalisedAndPublishedAsLeadCaptured() throws Exception {
        Map<String, Object> body = Leads.inboundItSecurityLead();
        String id = capture(body);
        String expectedEmail = ((String) body.get("email")).trim().toLowerCase();

        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + id)
                .then().statusCode(200)
                .body("email", equalTo(expectedEmail))
                .body("domain", equalTo("acme-security.com"))
                .body("stage", equalTo("LEAD"))
                .body("version", equalTo(1));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                broker.drain(captured).stream().filter(m -> m.contains(id)).findFirst())
                .hasValueSatisfying(json -> assertSameShapeAsGolden(json, EventTypes.LEAD_CAPTURED)));
    }

    private static void assertSameShapeAsGolden(String json, String type) {
        var actual = GoldenFixtures.parse(json);
        var golden = GoldenFixtures.tree(type);
        assertThat(actual.get("type").asText()).isEqualTo(type);
        assertThat(actual.get("source").asText()).isEqualTo("lead-service");
        assertThat(actual.get("subject").asText()).isEqualTo(actual.get("data").get("leadId").asText());
        List<String> goldenFields = iterator(golden.get("data").get("profile").fieldNames());
        assertThat(iterator(actual.get("data").get("profile").fieldNames())).isSubsetOf(goldenFields);
        assertThat(iterator(actual.fieldNames())).containsExactlyInAnyOrderElementsOf(iterator(golden.fieldNames()));
    }

    private static List<String> iterator(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void sameEmailInOtherCaseMergesIntoTheFirstLead() {
        Map<String, Object> body = Leads.inboundItSecurityLead();
        String id = capture(body);
        Map<String, Object> again = Map.of("email", ((String) body.get("email")).toUpperCase(), "jobTitle", "CISO",
                "technologies", List.of("servicenow"));
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON).body(again)
                .post("/api/leads")
                .then().statusCode(200).body("id", equalTo(id)).body("merged", equalTo(true));
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + id)
                .then().statusCode(200)
                .body("jobTitle", equalTo("Director of IT"))
                .body("technologies", hasItem("servicenow"))
                .body("version", equalTo(2));
    }

    @Test
    void idempotencyKeyReturnsTheFirstResult() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Leads.inboundItSecurityLead();
        String first = given().auth().oauth2(KeycloakTokens.of("mara")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/leads")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(KeycloakTokens.of("mara")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/leads")
                .then().statusCode(201).body("id", equalTo(first));
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherBodyIsRefusedAndLosesNoLead() {
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(KeycloakTokens.of("mara")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Leads.inboundItSecurityLead()).post("/api/leads")
                .then().statusCode(201);
        Map<String, Object> other = Leads.inboundItSecurityLead();
        given().auth().oauth2(KeycloakTokens.of("mara")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(other).post("/api/leads")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("Idempotency-Key"));
        // The refused lead is not lost: sent again with a key of its own, it is captured.
        given().auth().oauth2(KeycloakTokens.of("mara")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(other).post("/api/leads").then().statusCode(201);
    }

    @Test
    void idempotencyKeysAreTheCallersOwn() {
        String key = UUID.randomUUID().toString();
        String mine = given().auth().oauth2(KeycloakTokens.of("mara")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Leads.inboundItSecurityLead()).post("/api/leads")
                .then().statusCode(201).extract().path("id");
        String theForms = given().auth().oauth2(KeycloakTokens.webForms()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Leads.inboundItSecurityLead()).post("/api/leads")
                .then().statusCode(201).extract().path("id");
        assertThat(theForms).isNotEqualTo(mine);
    }

    @Test
    void invalidFieldsAreNamedInAProblemDocument() {
        Map<String, Object> body = Leads.inboundItSecurityLead();
        body.put("email", "not-an-email");
        body.put("employees", -3);
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON).body(body)
                .post("/api/leads")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("email", "employees"));
    }

    @Test
    void serverOwnedFieldsAreRejectedNotSilentlyAccepted() {
        Map<String, Object> body = Leads.inboundItSecurityLead();
        body.put("stage", "SQL");
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON).body(body)
                .post("/api/leads")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("stage"));
    }

    @Test
    void malformedJsonIsAProblemNotAServerError() {
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON).body("{\"email\": ")
                .post("/api/leads")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void tokensAreRequiredAndRolesChecked() {
        Map<String, Object> body = Leads.inboundItSecurityLead();
        given().contentType(ContentType.JSON).body(body).post("/api/leads").then().statusCode(401);
        given().auth().oauth2("not-a-token").contentType(ContentType.JSON).body(body).post("/api/leads")
                .then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.foreignAudience("mara")).contentType(ContentType.JSON).body(body)
                .post("/api/leads").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON).body(body)
                .post("/api/leads").then().statusCode(403);
    }

    @Test
    void anXdrSeesOnlyLeadsAssignedToThem() {
        String id = capture(Leads.inboundItSecurityLead());
        given().auth().oauth2(KeycloakTokens.of("xena")).get("/api/leads/" + id).then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.of("lea")).get("/api/leads/" + id).then().statusCode(200)
                .body("id", notNullValue());
    }

    @Test
    void leadsMatchAnAccountByCompanyDomainButNeverByFreeMail() {
        Map<String, Object> work = Leads.inboundItSecurityLead();
        String company = "acct-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        work.put("email", "kim@" + company);
        String workId = capture(work);
        Map<String, Object> freeMail = Leads.inboundItSecurityLead();
        freeMail.put("email", "kim." + UUID.randomUUID() + "@Gmail.com");
        String freeMailId = capture(freeMail);
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + workId).then()
                .body("accountDomain", equalTo(company));
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + freeMailId).then()
                .body("accountDomain", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(KeycloakTokens.of("mara")).queryParam("account", company).get("/api/leads").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(workId));
    }
}
