package io.leadplatform.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadplatform.events.EventTypes;
import io.leadplatform.events.GoldenFixtures;
import io.leadplatform.support.testing.KeycloakTokens;
import io.leadplatform.support.testing.TestBroker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** Routing on the real broker and database: lead.qualified in, lead.assigned out through the outbox. */
@QuarkusTest
class RoutingEventsConsumerTest {

    static final String VHOST = "lead-platform-test-routing";
    static final String DLQ = "routing-service.events.dlq";
    static final String INBOUND_SDR_ID = "11111111-1111-4111-8111-111111111111";
    static final Duration WAIT = Duration.ofSeconds(15);

    static TestBroker broker;
    static EventTap assigned;

    @Inject
    RoutingDatabase db;

    @BeforeAll
    static void connect() {
        broker = TestBroker.connect(VHOST);
        assigned = EventTap.on(broker, EventTypes.LEAD_ASSIGNED);
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    @Test
    void anInboundMqlIsAssignedToXenaInTheMarketingOwnedInboundQueue() {
        UUID lead = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_QUALIFIED, Qualifications.inboundMql(lead));

        JsonNode event = publishedAssignment(lead);
        assertThat(event.get("type").asText()).isEqualTo(EventTypes.LEAD_ASSIGNED);
        assertThat(event.get("source").asText()).isEqualTo("routing-service");
        assertSameFieldsAsGolden(event);
        JsonNode data = event.get("data");
        assertThat(data.get("leadId").asText()).isEqualTo(lead.toString());
        assertThat(data.get("assignee").asText()).isEqualTo("xena");
        assertThat(data.get("queueName").asText()).isEqualTo("inbound-sdr");
        assertThat(data.get("queueId").asText()).isEqualTo(INBOUND_SDR_ID);
        assertThat(data.get("owningOrg").asText()).isEqualTo("MARKETING");
        assertThat(data.get("policyVersion").asText()).isEqualTo("default-1");
        assertThat(data.get("direction").asText()).isEqualTo("inbound");
        assertThat(data.get("channel").asText()).isEqualTo("paid");

        given().auth().oauth2(KeycloakTokens.of("mara")).get("/api/leads/" + lead + "/routing")
                .then().statusCode(200)
                .body("assignment.assignmentId", equalTo(data.get("assignmentId").asText()))
                .body("assignment.assignee", equalTo("xena"))
                .body("assignment.queue", equalTo("inbound-sdr"))
                .body("assignment.owningOrg", equalTo("MARKETING"))
                .body("assignment.policyVersion", equalTo("default-1"))
                .body("assignment.status", equalTo("ACTIVE"))
                .body("ledger", hasSize(1))
                .body("ledger[0].action", equalTo("ASSIGNED"))
                .body("ledger[0].actor", equalTo("routing-service"))
                .body("ledger[0].reason", containsString("rule 2 'inbound' (direction=inbound) matched"))
                .body("ledger[0].reason", containsString("-> xena"));
    }

    @Test
    void anOutboundMqlIsAssignedToXavierInTheSalesOwnedOutboundQueue() {
        UUID lead = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_QUALIFIED, Qualifications.outboundMql(lead));

        JsonNode data = publishedAssignment(lead).get("data");
        assertThat(data.get("assignee").asText()).isEqualTo("xavier");
        assertThat(data.get("queueName").asText()).isEqualTo("outbound-bdr");
        assertThat(data.get("owningOrg").asText()).isEqualTo("SALES");
        assertThat(data.get("policyVersion").asText()).isEqualTo("default-1");
    }

    @Test
    void anInboundLeadThatRefusedMarketingNeverLandsInAMarketingQueue() {
        UUID lead = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_QUALIFIED, Qualifications.inboundWithoutMarketingConsent(lead));

        JsonNode data = publishedAssignment(lead).get("data");
        assertThat(data.get("owningOrg").asText()).isNotEqualTo("MARKETING").isEqualTo("SALES");
        assertThat(data.get("queueName").asText()).isEqualTo("outbound-bdr");
        given().auth().oauth2(KeycloakTokens.of("sol")).get("/api/leads/" + lead + "/routing")
                .then().statusCode(200)
                .body("ledger[0].reason", containsString("'no-marketing-consent'"));
    }

    @Test
    void theSameQualifiedEventDeliveredTwiceAssignsOnceAndPublishesOnce() {
        UUID lead = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        byte[] qualified = GoldenFixtures.instance(EventTypes.LEAD_QUALIFIED, eventId, lead);
        broker.publish(EventTypes.LEAD_QUALIFIED, qualified);
        broker.publish(EventTypes.LEAD_QUALIFIED, qualified);
        consumedEverythingBefore();

        assertThat(db.processed(eventId)).isEqualTo(1);
        assertThat(db.assignments(lead)).isEqualTo(1);
        assertThat(db.outboxRows(EventTypes.LEAD_ASSIGNED, lead)).isEqualTo(1);
        publishedAssignment(lead);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> assigned.forLead(lead).size() == 1);
    }

    @Test
    void anSqlForAnAlreadyAssignedLeadDoesNotRouteItAgain() {
        UUID lead = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_QUALIFIED, Qualifications.inboundMql(lead));
        publishedAssignment(lead);

        broker.publish(EventTypes.LEAD_QUALIFIED, Qualifications.outboundSql(lead));
        consumedEverythingBefore();

        assertThat(db.assignments(lead)).isEqualTo(1);
        assertThat(db.outboxRows(EventTypes.LEAD_ASSIGNED, lead)).isEqualTo(1);
        given().auth().oauth2(KeycloakTokens.of("lea")).get("/api/leads/" + lead + "/routing")
                .then().statusCode(200)
                .body("assignment.assignee", equalTo("xena"))
                .body("ledger", hasSize(1));
        assertThat(assigned.forLead(lead)).hasSize(1);
    }

    @Test
    void aMalformedMessageIsDeadLetteredAndTheNextOneIsStillApplied() {
        long dlqBefore = broker.messageCount(DLQ);
        UUID lead = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_QUALIFIED, "{ this is not json");
        broker.publish(EventTypes.LEAD_QUALIFIED, Qualifications.inboundMql(lead));

        await().atMost(WAIT).until(() -> broker.messageCount(DLQ) == dlqBefore + 1);
        assertThat(publishedAssignment(lead).get("data").get("assignee").asText()).isEqualTo("xena");
        assertThat(broker.messageCount(DLQ)).isEqualTo(dlqBefore + 1);
    }

    @Test
    void anSlaBreachIsRecordedOnTheAssignmentAndInTheLedger() {
        UUID lead = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_QUALIFIED, Qualifications.inboundMql(lead));
        publishedAssignment(lead);

        // After the assignment, as a real breach is: the ledger is ordered by time, and the fixture's is fixed.
        Instant breachedAt = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        broker.publish(EventTypes.SLA_BREACHED, GoldenFixtures.instance(EventTypes.SLA_BREACHED, lead,
                "dueAt", breachedAt.minusSeconds(1).toString(), "breachedAt", breachedAt.toString()));

        await().atMost(WAIT).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.of("mel")).get("/api/leads/" + lead + "/routing")
                        .then().statusCode(200)
                        .body("assignment.breachedAt", equalTo(breachedAt.toString()))
                        .body("ledger", hasSize(2))
                        .body("ledger[1].action", equalTo("SLA_BREACHED"))
                        .body("ledger[1].actor", equalTo("sla-service"))
                        .body("ledger[1].reason", containsString("FIRST_TOUCH")));
    }

    @Test
    void erasureDeletesTheLeadsAssignmentsAndLedger() {
        UUID lead = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_QUALIFIED, Qualifications.inboundMql(lead));
        publishedAssignment(lead);
        assertThat(db.ledgerEntries(lead)).isEqualTo(1);

        broker.publish(EventTypes.LEAD_ERASED, GoldenFixtures.instance(EventTypes.LEAD_ERASED, lead));

        await().atMost(WAIT).until(() -> db.assignments(lead) == 0 && db.ledgerEntries(lead) == 0);
        given().auth().oauth2(KeycloakTokens.of("pat")).get("/api/leads/" + lead + "/routing")
                .then().statusCode(404);
    }

    private static JsonNode publishedAssignment(UUID lead) {
        List<JsonNode> events = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            events.clear();
            events.addAll(assigned.forLead(lead));
            return !events.isEmpty();
        });
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    /**
     * The consumer applies messages one at a time in queue order, so once a marker lead published after them is
     * assigned, every message published before it has been handled.
     */
    private static void consumedEverythingBefore() {
        UUID marker = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_QUALIFIED, Qualifications.inboundMql(marker));
        await().atMost(WAIT).untilAsserted(() ->
                given().auth().oauth2(KeycloakTokens.of("pat")).get("/api/leads/" + marker + "/routing")
                        .then().statusCode(200).body("assignment", notNullValue()));
    }

    private static void assertSameFieldsAsGolden(JsonNode event) {
        JsonNode golden = GoldenFixtures.tree(EventTypes.LEAD_ASSIGNED);
        assertThat(names(event)).containsExactlyInAnyOrderElementsOf(names(golden));
        assertThat(names(event.get("data"))).containsExactlyInAnyOrderElementsOf(names(golden.get("data")));
        assertThat(event.get("subject").asText()).isEqualTo(event.get("data").get("leadId").asText());
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
