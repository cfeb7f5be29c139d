package io.leadplatform.routing;

import io.leadplatform.events.AccountTiers;
import io.leadplatform.events.EventTypes;
import io.leadplatform.routing.service.RoutingEventHandler;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.TestBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.leadplatform.routing.TestRouting.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The account tier from lead.qualified as a policy segment: routing, hand-off, simulation and validation. */
@QuarkusTest
class AccountTierRoutingTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static TestBroker broker;

    @Inject
    RoutingEventHandler routing;
    @Inject
    RoutingDatabase db;

    @BeforeAll
    static void connect() {
        broker = TestBroker.connect(RoutingEventsConsumerTest.VHOST);
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    @AfterEach
    void restore() {
        restoreDefaultPolicy();
    }

    @Test
    void enterpriseAndStrategicAccountsGoToTheSalesQueueAndOtherTiersFallThrough() {
        String salesQueue = unique("big-accounts");
        members(createQueue(Map.of("name", salesQueue, "owningOrg", "SALES", "purpose", "OUTBOUND_BDR",
                "manager", "sol")), List.of(member("tess", "role", "BDR")));
        String version = unique("tiers");
        String policy = tierPolicy(version, salesQueue)
                .body("rules[0].accountTiers", contains("ENTERPRISE", "STRATEGIC"))
                .body("rules[1].accountTiers", nullValue())
                .extract().path("id");
        activate(policy);
        given().auth().oauth2(KeycloakTokens.of("lea")).get("/api/routing/policies/" + policy)
                .then().statusCode(200).body("rules[0].accountTiers", contains("ENTERPRISE", "STRATEGIC"));

        UUID enterprise = route(routing, qualified(UUID.randomUUID(), "Retail", null, AccountTiers.ENTERPRISE));
        routingOf(enterprise)
                .body("assignment.owningOrg", equalTo("SALES"))
                .body("assignment.queue", equalTo(salesQueue))
                .body("assignment.assignee", equalTo("tess"))
                .body("assignment.policyVersion", equalTo(version))
                .body("assignment.rule", equalTo("big-accounts"))
                .body("ledger[0].reason", containsString("accountTier=ENTERPRISE,STRATEGIC"));
        assertThat(db.factTier(enterprise)).isEqualTo(AccountTiers.ENTERPRISE);

        UUID smb = route(routing, qualified(UUID.randomUUID(), "Retail", null, AccountTiers.SMB));
        UUID unknown = route(routing, qualified(UUID.randomUUID(), "Retail", null, null));
        for (UUID lead : List.of(smb, unknown)) {
            routingOf(lead)
                    .body("assignment.owningOrg", equalTo("MARKETING"))
                    .body("assignment.queue", equalTo("inbound-sdr"))
                    .body("assignment.rule", equalTo("inbound"));
        }
        assertThat(db.factTier(unknown)).isNull();
    }

    @Test
    void aLeadQualifiedFromAProducerBeforeAccountTierStillRoutes() {
        activate(tierPolicy(unique("tiers"), "outbound-bdr").extract().path("id"));
        UUID lead = UUID.randomUUID();

        broker.publish(EventTypes.LEAD_QUALIFIED, Qualifications.inboundMqlWithoutAccountTier(lead));

        await().atMost(WAIT).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.of("pat")).get("/api/leads/" + lead + "/routing")
                        .then().statusCode(200).body("assignment", notNullValue()));
        routingOf(lead)
                .body("assignment.queue", equalTo("inbound-sdr"))
                .body("assignment.assignee", equalTo("xena"))
                .body("assignment.rule", equalTo("inbound"));
        assertThat(db.factTier(lead)).isNull();
    }

    @Test
    void aSimulationReplaysTheStoredTierIntoTheSalesOrgsNumbers() {
        String salesQueue = unique("big-accounts");
        members(createQueue(Map.of("name", salesQueue, "owningOrg", "SALES", "purpose", "OUTBOUND_BDR")),
                List.of(member("tess", "role", "BDR")));
        route(routing, qualified(UUID.randomUUID(), "Retail", null, AccountTiers.ENTERPRISE));
        route(routing, qualified(UUID.randomUUID(), "Retail", null, AccountTiers.STRATEGIC));
        route(routing, qualified(UUID.randomUUID(), "Retail", null, AccountTiers.SMB));
        route(routing, qualified(UUID.randomUUID(), "Retail", null, null));
        String draft = given().auth().oauth2(KeycloakTokens.of("sam")).contentType(ContentType.JSON)
                .body(Map.of("version", unique("tier-draft"), "rules", List.of(
                        Map.of("name", "big-accounts", "accountTiers", List.of("ENTERPRISE", "STRATEGIC"),
                                "targetQueue", salesQueue),
                        Map.of("name", "default", "defaultRule", true, "targetQueue", "inbound-sdr"))))
                .post("/api/routing/policies").then().statusCode(201).extract().path("id");

        long bigAccounts = db.factsOfTiers(7, AccountTiers.ENTERPRISE, AccountTiers.STRATEGIC);
        var result = given().auth().oauth2(KeycloakTokens.of("lea")).contentType(ContentType.JSON)
                .body(Map.of("days", 7)).post("/api/routing/policies/" + draft + "/simulate")
                .then().statusCode(200).extract().jsonPath();

        assertThat(bigAccounts).isGreaterThanOrEqualTo(2);
        assertThat(result.getLong("draft.byRule.big-accounts")).isEqualTo(bigAccounts);
        assertThat(result.getLong("draft.byOrg.SALES")).isEqualTo(bigAccounts);
        assertThat(result.getLong("draft.byQueue." + salesQueue)).isEqualTo(bigAccounts);
        assertThat(result.getLong("draft.byRep.tess")).isEqualTo(bigAccounts);
        assertThat(result.getLong("draft.byOrg.MARKETING")).isPositive();
    }

    @Test
    void aHandOffRoutesTheSqlByTheTierTheLeadWasQualifiedWith() {
        String aeQueue = unique("enterprise-ae");
        members(createQueue(Map.of("name", aeQueue, "owningOrg", "SALES", "purpose", "AE", "manager", "sol")),
                List.of(member("erin", "role", "AE")));
        activate(given().auth().oauth2(KeycloakTokens.of("pat")).contentType(ContentType.JSON)
                .body(Map.of("version", unique("tier-handoff"), "rules", List.of(
                        Map.of("name", "enterprise-sql", "stage", "SQL", "accountTiers", List.of("ENTERPRISE"),
                                "targetQueue", aeQueue),
                        Map.of("name", "inbound", "direction", "inbound", "targetQueue", "inbound-sdr"),
                        Map.of("name", "default", "defaultRule", true, "targetQueue", "outbound-bdr"))))
                .post("/api/routing/policies").then().statusCode(201).extract().path("id"));
        UUID enterprise = route(routing, qualified(UUID.randomUUID(), "Retail", null, AccountTiers.ENTERPRISE));
        UUID smb = route(routing, qualified(UUID.randomUUID(), "Retail", null, AccountTiers.SMB));
        routingOf(enterprise).body("assignment.assignee", equalTo("xena"));

        given().auth().oauth2(KeycloakTokens.of("xena")).post("/api/leads/" + enterprise + "/handoff")
                .then().statusCode(200)
                .body("queue", equalTo(aeQueue))
                .body("assignee", equalTo("erin"))
                .body("rule", equalTo("enterprise-sql"));
        given().auth().oauth2(KeycloakTokens.of("xena")).post("/api/leads/" + smb + "/handoff")
                .then().statusCode(200)
                .body("queue", equalTo("sales-ae"))
                .body("rule", equalTo("handoff-queue"));
    }

    @Test
    void anUnknownTierIsRefusedNamingTheRulesField() {
        given().auth().oauth2(KeycloakTokens.of("pat")).contentType(ContentType.JSON)
                .body(Map.of("version", unique("bad-tier"), "rules", List.of(
                        Map.of("name", "inbound", "direction", "inbound", "targetQueue", "inbound-sdr"),
                        Map.of("name", "fit", "fitGrades", List.of("A"), "targetQueue", "outbound-bdr"),
                        Map.of("name", "global", "accountTiers", List.of("ENTERPRISE", "GLOBAL"),
                                "targetQueue", "outbound-bdr"),
                        Map.of("name", "default", "defaultRule", true, "targetQueue", "inbound-sdr"))))
                .post("/api/routing/policies").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("rules[2].accountTiers"))
                .body("errors[0].message", containsString("STRATEGIC"));
        given().auth().oauth2(KeycloakTokens.of("pat")).contentType(ContentType.JSON)
                .body(Map.of("version", unique("tier-default"), "rules", List.of(
                        Map.of("name", "default", "defaultRule", true, "accountTiers", List.of("SMB"),
                                "targetQueue", "inbound-sdr"))))
                .post("/api/routing/policies").then().statusCode(400)
                .body("errors[0].field", equalTo("rules[0]"));
    }

    /** Rule 1 sends ENTERPRISE and STRATEGIC accounts to {@code queue}; the rest as default-1 would route them. */
    private static io.restassured.response.ValidatableResponse tierPolicy(String version, String queue) {
        return given().auth().oauth2(KeycloakTokens.of("sam")).contentType(ContentType.JSON)
                .body(Map.of("version", version, "rules", List.of(
                        Map.of("name", "big-accounts", "accountTiers", List.of("ENTERPRISE", "STRATEGIC"),
                                "targetQueue", queue),
                        Map.of("name", "no-marketing-consent", "consentMarketing", false,
                                "targetQueue", "outbound-bdr"),
                        Map.of("name", "inbound", "direction", "inbound", "targetQueue", "inbound-sdr"),
                        Map.of("name", "default", "defaultRule", true, "targetQueue", "outbound-bdr"))))
                .post("/api/routing/policies").then().statusCode(201);
    }
}
