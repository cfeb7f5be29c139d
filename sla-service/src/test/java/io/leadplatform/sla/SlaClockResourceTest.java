package io.leadplatform.sla;

import io.leadplatform.events.EventTypes;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.MutableClock;
import io.leadplatform.support.testing.TestBroker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class SlaClockResourceTest {

    static TestBroker broker;

    @Inject
    MutableClock clock;

    @BeforeAll
    static void connect() {
        broker = TestBroker.connect("lead-platform-test-sla");
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    @Test
    void tokensAreRequired() {
        String lead = UUID.randomUUID().toString();
        given().queryParam("leadId", lead).get("/api/sla/clocks").then().statusCode(401);
        given().auth().oauth2("not-a-token").queryParam("leadId", lead).get("/api/sla/clocks")
                .then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.foreignAudience("mara")).queryParam("leadId", lead)
                .get("/api/sla/clocks").then().statusCode(401);
    }

    @Test
    void aMissingLeadIdIsAProblemNamingTheParameter() {
        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/sla/clocks")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("leadId"));
    }

    @Test
    void aMalformedLeadIdIsAProblemNamingTheParameter() {
        given().auth().oauth2(KeycloakTokens.of("mara")).queryParam("leadId", "not-a-uuid").get("/api/sla/clocks")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("leadId"));
    }

    @Test
    void aLeadWithoutClocksHasAnEmptyList() {
        given().auth().oauth2(KeycloakTokens.of("sol")).queryParam("leadId", UUID.randomUUID().toString())
                .get("/api/sla/clocks")
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void anXdrSeesOnlyTheirOwnClocks() {
        UUID lead = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, UUID.randomUUID(), clock.instant()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.of("xena")).queryParam("leadId", lead.toString())
                        .get("/api/sla/clocks")
                        .then().statusCode(200).body("$", hasSize(1)).body("[0].assignee", equalTo("xena")));
        given().auth().oauth2(KeycloakTokens.of("xavier")).queryParam("leadId", lead.toString())
                .get("/api/sla/clocks")
                .then().statusCode(200).body("$", empty());
        given().auth().oauth2(KeycloakTokens.of("mel")).queryParam("leadId", lead.toString())
                .get("/api/sla/clocks")
                .then().statusCode(200).body("$", hasSize(1));
    }
}
