package io.leadplatform.routing;

import io.leadplatform.routing.service.RoutingEventHandler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.leadplatform.support.testing.KeycloakTokens;

import io.restassured.http.ContentType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.leadplatform.routing.TestRouting.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Each strategy, skipping and the fallback chain on the real database, set up through the API. */
@QuarkusTest
class AssignmentStrategiesTest {

    @Inject
    RoutingEventHandler routing;
    @Inject
    RoutingDatabase db;

    @AfterEach
    void restore() {
        restoreDefaultPolicy();
    }

    @Test
    void roundRobinStaysFairWhenSomeoneJoins() {
        String queue = queue(unique("rr"), "MARKETING", "ROUND_ROBIN");
        members(queue, List.of(member("rr-a"), member("rr-b"), member("rr-c")));
        String industry = routeIndustryTo(queue);

        assertThat(assignees(industry, 6)).containsExactly("rr-a", "rr-b", "rr-c", "rr-a", "rr-b", "rr-c");

        // A newcomer starts level with the others instead of taking every lead until they catch up.
        members(queue, List.of(member("rr-a"), member("rr-b"), member("rr-c"), member("rr-d")));
        Map<String, Long> shares = counts(assignees(industry, 8));
        assertThat(shares).containsOnly(Map.entry("rr-a", 2L), Map.entry("rr-b", 2L), Map.entry("rr-c", 2L),
                Map.entry("rr-d", 2L));
    }

    @Test
    void weightedSharesFollowTheWeights() {
        String queue = queue(unique("wt"), "MARKETING", "WEIGHTED");
        members(queue, List.of(member("wt-heavy", "weight", 3), member("wt-light", "weight", 1)));
        String industry = routeIndustryTo(queue);

        assertThat(counts(assignees(industry, 8))).containsOnly(Map.entry("wt-heavy", 6L), Map.entry("wt-light", 2L));
    }

    @Test
    void leastLoadedGoesToTheMemberWithFewestOpenUnworkedLeads() {
        String queue = queue(unique("ll"), "SALES", "LEAST_LOADED");
        members(queue, List.of(member("ll-a"), member("ll-b")));
        String industry = routeIndustryTo(queue);

        UUID first = route(routing, industry);
        UUID second = route(routing, industry);
        assertThat(List.of(assignee(first), assignee(second))).containsExactly("ll-a", "ll-b");
        db.markTouched(first);

        UUID third = route(routing, industry);
        assertThat(assignee(third)).isEqualTo("ll-a");
        routingOf(third).body("ledger[0].reason", containsString("least loaded: 0 open unworked"));
    }

    @Test
    void accountOwnerStickyKeepsAnAccountWithItsOwner() {
        String queue = queue(unique("st"), "SALES", "ACCOUNT_STICKY");
        members(queue, List.of(member("st-a"), member("st-b")));
        String industry = routeIndustryTo(queue);
        String acme = unique("acme") + ".example";

        UUID a1 = route(routing, qualified(UUID.randomUUID(), industry, unique("other") + ".example"));
        UUID b1 = route(routing, qualified(UUID.randomUUID(), industry, acme));
        assertThat(List.of(assignee(a1), assignee(b1))).containsExactly("st-a", "st-b");

        // Round robin alone would pick st-a now; the account already has an owner.
        UUID b2 = route(routing, qualified(UUID.randomUUID(), industry, acme.toUpperCase()));
        assertThat(assignee(b2)).isEqualTo("st-b");
        routingOf(b2).body("ledger[0].reason", containsString("account owner in SALES"));
    }

    @Test
    void outOfOfficeOutsideHoursAndAtCapacityMembersAreSkippedAndTheLedgerSaysWhy() {
        Instant now = Instant.now();
        String queue = queue(unique("sk"), "MARKETING", "ROUND_ROBIN", "enforceWorkingHours", true);
        String later = now.atOffset(ZoneOffset.UTC).plusHours(3).toLocalTime().truncatedTo(ChronoUnit.MINUTES)
                .toString();
        String muchLater = now.atOffset(ZoneOffset.UTC).plusHours(4).toLocalTime()
                .truncatedTo(ChronoUnit.MINUTES).toString();
        DayOfWeek today = now.atOffset(ZoneOffset.UTC).getDayOfWeek();
        List<String> otherDays = Arrays.stream(DayOfWeek.values()).filter(d -> d != today).map(Enum::name).toList();
        members(queue, List.of(
                member("sk-away", "outOfOffice", List.of(Map.of("from", now.minusSeconds(3600).toString(),
                        "to", now.plusSeconds(86400).toString()))),
                member("sk-full", "capacity", 0),
                member("sk-asleep", "workStart", later, "workEnd", muchLater, "timeZone", "UTC"),
                member("sk-dayoff", "workDays", otherDays, "timeZone", "UTC"),
                member("sk-free", "capacity", 5)));
        String industry = routeIndustryTo(queue);

        UUID lead = route(routing, industry);

        routingOf(lead)
                .body("assignment.assignee", equalTo("sk-free"))
                .body("ledger[0].action", equalTo("ASSIGNED"))
                .body("ledger[0].policyVersion", startsWith("test-"))
                .body("ledger[0].rule", equalTo("test-industry"))
                .body("ledger[0].candidates", contains("sk-away", "sk-full", "sk-asleep", "sk-dayoff", "sk-free"))
                .body("ledger[0].skipped", hasItem(startsWith("sk-away: out of office until")))
                .body("ledger[0].skipped", hasItem("sk-full: at capacity (0/0 open unworked)"))
                .body("ledger[0].skipped", hasItem(startsWith("sk-asleep: outside working hours")))
                .body("ledger[0].skipped", hasItem("sk-dayoff: not a working day (" + today + ")"))
                .body("ledger[0].chosen", equalTo("sk-free"))
                .body("ledger[0].reason", containsString("round robin"));
    }

    @Test
    void onAQueueHolidayTheLeadFallsBackAndBadDaysAreRejectedByField() {
        String today = Instant.now().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String overflow = queue(unique("hol-of"), "MARKETING", "ROUND_ROBIN");
        members(overflow, List.of(member("hol-spare")));
        String closed = queue(unique("hol"), "MARKETING", "ROUND_ROBIN", "enforceWorkingHours", true,
                "holidays", List.of(today, "2026-12-25"), "overflowQueue", overflow);
        members(closed, List.of(member("hol-a", "timeZone", "UTC", "workDays", List.of("MON", "TUE", "WED",
                "THU", "FRI", "SAT", "SUN"))))
                .body("members[0].workDays", contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
                        "SATURDAY", "SUNDAY"));
        given().auth().oauth2(KeycloakTokens.of("pat")).get("/api/routing/queues").then().statusCode(200)
                .body("find { it.id == '" + closed + "' }.holidays", contains(today, "2026-12-25"));

        UUID lead = route(routing, routeIndustryTo(closed));

        routingOf(lead)
                .body("assignment.assignee", equalTo("hol-spare"))
                .body("ledger[0].skipped", hasItem("hol-a: holiday " + today));
        given().auth().oauth2(KeycloakTokens.of("pat")).contentType(ContentType.JSON)
                .body(Map.of("members", List.of(member("hol-b", "workDays", List.of("MON", "Caturday")))))
                .put("/api/routing/queues/" + closed + "/members")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("members[0].workDays"));
        given().auth().oauth2(KeycloakTokens.of("pat")).contentType(ContentType.JSON)
                .body(Map.of("name", unique("hol-bad"), "owningOrg", "MARKETING", "purpose", "INBOUND_SDR",
                        "strategy", "ROUND_ROBIN", "holidays", List.of("2026-12-25", "Christmas")))
                .post("/api/routing/queues")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("holidays[1]"));
    }

    @Test
    void theFallbackChainGoesToTheOverflowQueueThenToTheManager() {
        String overflow = queue(unique("of"), "SALES", "ROUND_ROBIN");
        members(overflow, List.of(member("of-spare")));
        String full = queue(unique("full"), "SALES", "ROUND_ROBIN", "overflowQueue", overflow, "manager", "boss");
        members(full, List.of(member("full-a", "capacity", 0)));
        String industry = routeIndustryTo(full);

        UUID spilled = route(routing, industry);
        routingOf(spilled)
                .body("assignment.assignee", equalTo("of-spare"))
                .body("assignment.queueId", equalTo(overflow))
                .body("ledger[0].reason", containsString("overflow queue"));

        members(overflow, List.of(member("of-spare", "capacity", 0)));
        UUID managed = route(routing, industry);
        routingOf(managed)
                .body("assignment.assignee", equalTo("boss"))
                .body("assignment.queueId", equalTo(full))
                .body("ledger[0].reason", containsString("fallback to the queue's manager -> boss"))
                .body("ledger[0].skipped", contains("full-a: at capacity (0/0 open unworked)",
                        "of-spare: at capacity (1/0 open unworked)"));
    }

    @Test
    void aLeadWaitsVisiblyForCapacityAndIsAssignedWhenItFreesUp() {
        String queue = queue(unique("cap"), "SALES", "ROUND_ROBIN");
        members(queue, List.of(member("cap-a", "capacity", 1)));
        String industry = routeIndustryTo(queue);
        UUID first = route(routing, industry);
        assertThat(assignee(first)).isEqualTo("cap-a");

        UUID second = route(routing, industry);

        given().auth().oauth2(KeycloakTokens.of("sam")).get("/api/routing/queues/" + queue + "/waiting")
                .then().statusCode(200)
                .body("leadId", contains(second.toString()))
                .body("[0].reason", containsString("cap-a: at capacity (1/1 open unworked)"));
        routingOf(second).body("assignment", nullValue()).body("ledger[0].action", equalTo("WAITING"));

        db.markTouched(first);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> routingOf(second)
                .body("assignment.assignee", equalTo("cap-a"))
                .body("ledger.action", contains("WAITING", "ASSIGNED"))
                .body("ledger[1].reason", containsString("waited for capacity in " + "cap-")));
        given().auth().oauth2(KeycloakTokens.of("sam")).get("/api/routing/queues/" + queue + "/waiting")
                .then().statusCode(200).body("", hasSize(0));
    }

    private List<String> assignees(String industry, int leads) {
        return IntStream.range(0, leads).mapToObj(i -> route(routing, industry)).map(TestRouting::assignee).toList();
    }

    private static Map<String, Long> counts(List<String> names) {
        return names.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
