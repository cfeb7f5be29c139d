package io.leadplatform.sla;

import io.leadplatform.events.EventTypes;
import io.leadplatform.support.testing.MutableClock;
import io.leadplatform.support.testing.TestBroker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dashboard's "SLA met by org and queue" series: sla_met_total counts a met clock by org, queue and type. */
@QuarkusTest
class SlaOutcomeMetricsTest {

    private static final Pattern MET = Pattern.compile("(?m)^sla_met_total\\{(?=[^}]*clock_type=\"FIRST_TOUCH\")"
            + "(?=[^}]*org=\"MARKETING\")(?=[^}]*queue=\"inbound-sdr\")[^}]*} ([0-9.E+]+)$");
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

    static double metSoFar() {
        Matcher m = MET.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void aFirstTouchInTimeCountsAsMetForTheClocksOrgAndQueue() {
        double before = metSoFar();
        UUID lead = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        broker.publish(EventTypes.LEAD_ASSIGNED, RoutingEvents.assigned(lead, assignment, clock.instant()));
        broker.publish(EventTypes.LEAD_TOUCHED, RoutingEvents.touched(UUID.randomUUID(), lead, assignment,
                clock.instant().plusSeconds(30)));

        SlaEventsConsumerTest.awaitStatus(lead, "MET");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(metSoFar()).isGreaterThan(before));
    }
}
