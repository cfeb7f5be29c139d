package io.leadplatform.routing;

import io.leadplatform.events.CloudEvent;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.SlaBreached;
import io.leadplatform.routing.service.RoutingEventHandler;
import io.leadplatform.support.testing.KeycloakTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.leadplatform.routing.TestRouting.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** sla.breached under a queue's REASSIGN escalation, and a member made unavailable after repeated breaches. */
@QuarkusTest
class EscalationTest {

    @Inject
    RoutingEventHandler routing;
    @Inject
    RoutingDatabase db;

    @AfterEach
    void restore() {
        restoreDefaultPolicy();
    }

    @Test
    void aBreachMovesTheLeadToTheNextEligibleMember() {
        String queue = queue(unique("esc"), "SALES", "ROUND_ROBIN", "escalation", "REASSIGN", "manager", "esc-boss");
        members(queue, List.of(member("esc-a"), member("esc-b")));
        String industry = routeIndustryTo(queue);
        UUID lead = route(routing, industry);
        assertThat(assignee(lead)).isEqualTo("esc-a");

        breach(lead, "esc-a");

        routingOf(lead)
                .body("assignment.assignee", equalTo("esc-b"))
                .body("assignment.status", equalTo("ACTIVE"))
                .body("ledger.action", contains("ASSIGNED", "SLA_BREACHED", "REASSIGNED"))
                .body("ledger[2].reason", containsString("sla-breach FIRST_TOUCH"))
                .body("ledger[2].skipped", contains("esc-a: excluded (current assignee)"));
        assertThat(db.outboxRows(EventTypes.LEAD_REASSIGNED, lead)).isEqualTo(1);
        assertThat(db.activeAssignments(lead)).isEqualTo(1);
    }

    @Test
    void aBreachNobodyElseCanTakeOverStaysRecordedWithTheAssignee() {
        String queue = queue(unique("solo"), "SALES", "ROUND_ROBIN", "escalation", "REASSIGN");
        members(queue, List.of(member("solo-a")));
        UUID lead = route(routing, routeIndustryTo(queue));

        breach(lead, "solo-a");

        routingOf(lead)
                .body("assignment.assignee", equalTo("solo-a"))
                .body("assignment.breachedAt", notNullValue())
                .body("ledger.action", contains("ASSIGNED", "SLA_BREACHED"));
        assertThat(db.outboxRows(EventTypes.LEAD_REASSIGNED, lead)).isZero();
    }

    @Test
    void repeatedBreachesMakeAMemberUnavailableAndRoutingSkipsThem() {
        String queue = queue(unique("rep"), "SALES", "ROUND_ROBIN");
        members(queue, List.of(member("rep-slow"), member("rep-quick")));
        String industry = routeIndustryTo(queue);
        List<UUID> slowLeads = new java.util.ArrayList<>();
        while (slowLeads.size() < 3) {
            UUID lead = route(routing, industry);
            if ("rep-slow".equals(assignee(lead))) {
                slowLeads.add(lead);
            }
        }
        slowLeads.forEach(lead -> breach(lead, "rep-slow"));

        routingOf(slowLeads.getLast())
                .body("ledger.action", hasItem("MEMBER_UNAVAILABLE"))
                .body("assignment.assignee", equalTo("rep-slow"));
        given().auth().oauth2(KeycloakTokens.of("sam")).get("/api/routing/queues/" + queue + "/members")
                .then().statusCode(200)
                .body("members.find { it.username == 'rep-slow' }.unavailableUntil", notNullValue());
        for (int i = 0; i < 3; i++) {
            UUID next = route(routing, industry);
            routingOf(next).body("assignment.assignee", equalTo("rep-quick"))
                    .body("ledger[0].skipped[0]", containsString("rep-slow: unavailable until"));
        }
    }

    @Test
    void unavailabilityHoldsWhenTheBreachAlsoReassignsInAQueueOfSeveral() {
        String queue = queue(unique("rr"), "SALES", "ROUND_ROBIN", "escalation", "REASSIGN", "manager", "sol");
        members(queue, List.of(member("rr-a"), member("rr-b"), member("rr-c")));
        String industry = routeIndustryTo(queue);
        List<UUID> leadsOfA = new java.util.ArrayList<>();
        while (leadsOfA.size() < 3) {
            UUID lead = route(routing, industry);
            if ("rr-a".equals(assignee(lead))) {
                leadsOfA.add(lead);
            }
        }
        leadsOfA.forEach(lead -> breach(lead, "rr-a"));

        routingOf(leadsOfA.getLast()).body("ledger.action", hasItem("MEMBER_UNAVAILABLE"))
                .body("assignment.assignee", org.hamcrest.Matchers.not(equalTo("rr-a")));
        given().auth().oauth2(KeycloakTokens.of("sam")).get("/api/routing/queues/" + queue + "/members")
                .then().statusCode(200)
                .body("members.find { it.username == 'rr-a' }.unavailableUntil", notNullValue());
        for (int i = 0; i < 4; i++) {
            assertThat(assignee(route(routing, industry))).isNotEqualTo("rr-a");
        }

        // The queue's manager puts rr-a back to work; a manager of other queues may not.
        String clear = "/api/routing/queues/" + queue + "/members/rr-a/unavailable";
        given().auth().oauth2(KeycloakTokens.of("mel")).delete(clear).then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.of("sol")).delete(clear).then().statusCode(200)
                .body("members.find { it.username == 'rr-a' }.unavailableUntil", org.hamcrest.Matchers.nullValue());
        List<String> next = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            next.add(assignee(route(routing, industry)));
        }
        assertThat(next).contains("rr-a");
    }

    private void breach(UUID lead, String assignee) {
        SlaBreached data = new SlaBreached(lead, UUID.randomUUID(), "FIRST_TOUCH", "SALES", "q", assignee,
                Instant.now().minusSeconds(60), Instant.now());
        CloudEvent<SlaBreached> event = CloudEvent.of("sla-service", EventTypes.SLA_BREACHED, lead, Instant.now(),
                data);
        QuarkusTransaction.requiringNew().run(() -> routing.slaBreached(event, data));
    }
}
