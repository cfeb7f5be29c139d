package io.leadplatform.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadplatform.events.GoldenFixtures;
import io.leadplatform.support.testing.TestBroker;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Collects what the service publishes on some routing keys; tests pick out their own lead's events. */
final class EventTap {

    private final TestBroker broker;
    private final String queue;
    private final List<JsonNode> received = new ArrayList<>();

    private EventTap(TestBroker broker, String queue) {
        this.broker = broker;
        this.queue = queue;
    }

    static EventTap on(TestBroker broker, String... routingKeys) {
        return new EventTap(broker, broker.tap(routingKeys));
    }

    synchronized List<JsonNode> forLead(UUID lead) {
        broker.drain(queue).forEach(json -> received.add(GoldenFixtures.parse(json)));
        return received.stream().filter(e -> lead.toString().equals(e.path("subject").asText())).toList();
    }
}
