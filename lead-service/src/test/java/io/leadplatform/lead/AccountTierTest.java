package io.leadplatform.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.GoldenFixtures;
import io.leadplatform.events.Leads;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.TestBroker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AccountTierTest {

    static TestBroker broker;
    static String published;
    /** Every lead.captured and lead.updated drained so far, parsed. */
    static final List<JsonNode> seen = new CopyOnWriteArrayList<>();

    @Inject
    EntityManager em;

    @BeforeAll
    static void tap() {
        broker = TestBroker.connect("lead-platform-test-lead");
        published = broker.tap(EventTypes.LEAD_CAPTURED, EventTypes.LEAD_UPDATED);
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    @Test
    void aTierIsSetReadAndClearedAndOtherwiseImpliedByHeadCount() {
        String domain = uniqueDomain();
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/accounts/" + domain).then().statusCode(404);
        capture(domain, 450);

        given().auth().oauth2(KeycloakTokens.of("lea")).get("/api/accounts/" + domain).then().statusCode(200)
                .body("domain", equalTo(domain))
                .body("tier", equalTo("MID_MARKET"))
                .body("tierSource", equalTo("EMPLOYEES"))
                .body("leadCount", equalTo(1))
                .body("setBy", nullValue());

        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                .body(Map.of("tier", "ENTERPRISE")).put("/api/accounts/" + domain.toUpperCase())
                .then().statusCode(200)
                .body("domain", equalTo(domain))
                .body("tier", equalTo("ENTERPRISE"))
                .body("tierSource", equalTo("SET"))
                .body("setBy", equalTo("mara"))
                .body("updatedAt", notNullValue());
        given().auth().oauth2(KeycloakTokens.of("sam")).get("/api/accounts/" + domain).then().statusCode(200)
                .body("tier", equalTo("ENTERPRISE")).body("tierSource", equalTo("SET")).body("leadCount", equalTo(1));

        given().auth().oauth2(KeycloakTokens.of("sam")).delete("/api/accounts/" + domain).then().statusCode(204);
        given().auth().oauth2(KeycloakTokens.of("pat")).get("/api/accounts/" + domain).then().statusCode(200)
                .body("tier", equalTo("MID_MARKET")).body("tierSource", equalTo("EMPLOYEES"));
        given().auth().oauth2(KeycloakTokens.of("pat")).delete("/api/accounts/" + domain).then().statusCode(404);
    }

    @Test
    void aTierCanBeSetBeforeTheAccountHasLeads() {
        String domain = uniqueDomain();
        given().auth().oauth2(KeycloakTokens.of("pat")).contentType(ContentType.JSON)
                .body(Map.of("tier", "STRATEGIC")).put("/api/accounts/" + domain).then().statusCode(200)
                .body("tier", equalTo("STRATEGIC")).body("leadCount", equalTo(0));
        given().auth().oauth2(KeycloakTokens.of("pat")).delete("/api/accounts/" + domain).then().statusCode(204);
        given().auth().oauth2(KeycloakTokens.of("pat")).get("/api/accounts/" + domain).then().statusCode(404);
    }

    @Test
    void badTiersAndDomainsAreProblemsNamingTheField() {
        String domain = uniqueDomain();
        badPut(domain, "{}", "tier");
        badPut(domain, "{\"tier\": \"GOLD\"}", "tier");
        badPut(domain, "{\"tier\": null}", "tier");
        badPut(domain, "", "tier");
        badPut("gmail.com", "{\"tier\": \"SMB\"}", "domain");
        badPut("not_a_domain", "{\"tier\": \"SMB\"}", "domain");
        badPut(domain, "{\"tier\": \"SMB\", \"setBy\": \"someone\"}", "setBy");
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/accounts/Hotmail.com").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("domain"));
        given().auth().oauth2(KeycloakTokens.of("mara")).delete("/api/accounts/no..dots.example").then()
                .statusCode(400).body("errors.field", hasItem("domain"));
        // nothing was stored by the rejected calls
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/accounts/" + domain).then().statusCode(404);
    }

    @Test
    void onlyOpsAndAdminsSetTiersAndLeadershipMayRead() {
        String domain = uniqueDomain();
        capture(domain, 20);
        given().contentType(ContentType.JSON).body(Map.of("tier", "SMB")).put("/api/accounts/" + domain)
                .then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.of("xena")).contentType(ContentType.JSON).body(Map.of("tier", "SMB"))
                .put("/api/accounts/" + domain).then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("xena")).get("/api/accounts/" + domain).then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("xena")).delete("/api/accounts/" + domain).then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("lea")).contentType(ContentType.JSON).body(Map.of("tier", "SMB"))
                .put("/api/accounts/" + domain).then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("lea")).get("/api/accounts/" + domain).then().statusCode(200)
                .body("tier", equalTo("SMB")).body("tierSource", equalTo("EMPLOYEES"));
    }

    @Test
    void leadCapturedCarriesTheImpliedTierAndThenTheSetOne() {
        String domain = uniqueDomain();
        String first = capture(domain, 450);
        assertThat(awaitEvent(EventTypes.LEAD_CAPTURED, first).get("data").get("profile").get("accountTier").asText())
                .isEqualTo("MID_MARKET");

        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON)
                .body(Map.of("tier", "STRATEGIC")).put("/api/accounts/" + domain).then().statusCode(200);
        String second = capture(domain, 450);
        assertThat(awaitEvent(EventTypes.LEAD_CAPTURED, second).get("data").get("profile").get("accountTier")
                .asText()).isEqualTo("STRATEGIC");

        // A free-mail lead belongs to no account: its tier comes from its head count alone.
        Map<String, Object> freeMail = Leads.inboundItSecurityLead();
        freeMail.put("email", "kim." + UUID.randomUUID() + "@gmail.com");
        freeMail.put("employees", 5_000);
        String third = LeadResourceTest.capture(freeMail);
        assertThat(awaitEvent(EventTypes.LEAD_CAPTURED, third).get("data").get("profile").get("accountTier")
                .asText()).isEqualTo("ENTERPRISE");
    }

    @Test
    void aTierChangeUpdatesTheAccountsUnqualifiedLeadsOnly() {
        String domain = uniqueDomain();
        UUID unqualified = UUID.fromString(capture(domain, 450));
        UUID qualified = UUID.fromString(capture(domain, 450));
        UUID otherAccount = UUID.fromString(capture(uniqueDomain(), 450));
        broker.publish(EventTypes.LEAD_QUALIFIED, GoldenFixtures.instance(EventTypes.LEAD_QUALIFIED, qualified,
                "qualifiedAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + qualified)
                        .then().body("stage", equalTo("MQL")));

        given().auth().oauth2(KeycloakTokens.of("sam")).contentType(ContentType.JSON)
                .body(Map.of("tier", "ENTERPRISE")).put("/api/accounts/" + domain).then().statusCode(200);
        JsonNode updated = awaitEvent(EventTypes.LEAD_UPDATED, unqualified.toString());
        assertThat(updated.get("data").get("version").asLong()).isEqualTo(2);
        assertThat(updated.get("data").get("profile").get("accountTier").asText()).isEqualTo("ENTERPRISE");
        assertThat(updated.get("data").get("profile").get("employees").asInt()).isEqualTo(450);
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + unqualified).then()
                .body("version", equalTo(2));

        // Setting the same tier again changes no lead's tier, so nothing more is published.
        given().auth().oauth2(KeycloakTokens.of("sam")).contentType(ContentType.JSON)
                .body(Map.of("tier", "ENTERPRISE")).put("/api/accounts/" + domain).then().statusCode(200);
        given().auth().oauth2(KeycloakTokens.of("sam")).delete("/api/accounts/" + domain).then().statusCode(204);
        JsonNode cleared = awaitEvent(EventTypes.LEAD_UPDATED, unqualified.toString(), 3);
        assertThat(cleared.get("data").get("profile").get("accountTier").asText()).isEqualTo("MID_MARKET");

        // Both changes committed their outbox rows with the tier; once all are sent, none was for the others.
        await().atMost(Duration.ofSeconds(15)).until(() -> count("SELECT count(*) FROM outbox_message "
                + "WHERE sent_at IS NULL AND subject IN ('" + qualified + "', '" + otherAccount + "')") == 0);
        drain();
        assertThat(seen).noneMatch(e -> e.get("type").asText().equals(EventTypes.LEAD_UPDATED)
                && (e.get("subject").asText().equals(qualified.toString())
                        || e.get("subject").asText().equals(otherAccount.toString())));
        assertThat(seen).filteredOn(e -> e.get("type").asText().equals(EventTypes.LEAD_UPDATED)
                && e.get("subject").asText().equals(unqualified.toString())).hasSize(2);
        assertThat(count("SELECT count(*) FROM outbox_message WHERE type = 'lead.updated' AND subject = '"
                + qualified + "'")).isZero();
    }

    private static String uniqueDomain() {
        return "tier-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    private static String capture(String domain, int employees) {
        Map<String, Object> body = Leads.inboundItSecurityLead();
        body.put("email", "kim." + UUID.randomUUID().toString().substring(0, 8) + "@" + domain);
        body.put("employees", employees);
        return LeadResourceTest.capture(body);
    }

    private static void badPut(String domain, String body, String field) {
        given().auth().oauth2(KeycloakTokens.of("mara")).contentType(ContentType.JSON).body(body)
                .put("/api/accounts/" + domain)
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(field));
    }

    private static JsonNode awaitEvent(String type, String leadId) {
        return awaitEvent(type, leadId, -1);
    }

    /** The published event of that type about the lead (with that data.version, unless negative). */
    private static JsonNode awaitEvent(String type, String leadId, long version) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> {
            drain();
            return seen.stream().filter(e -> e.get("type").asText().equals(type)
                            && e.get("subject").asText().equals(leadId)
                            && (version < 0 || e.get("data").get("version").asLong() == version))
                    .findFirst().orElse(null);
        }, java.util.Objects::nonNull);
    }

    private static void drain() {
        broker.drain(published).forEach(m -> seen.add(GoldenFixtures.parse(m)));
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
