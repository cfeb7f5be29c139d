package io.leadplatform.sla;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadplatform.events.GoldenFixtures;
import io.leadplatform.support.testing.TestBroker;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the service publishes, collected from a tap queue; draining acks, so everything seen is kept here. */
final class PublishedEvents {

    private final TestBroker broker;
    private final String queue;
    private final List<JsonNode> seen = new ArrayList<>();

    PublishedEvents(TestBroker broker, String... types) {
        this.broker = broker;
        this.queue = broker.tap(types);
    }

    synchronized List<JsonNode> of(String type, UUID leadId) {
        broker.drain(queue).forEach(json -> seen.add(GoldenFixtures.parse(json)));
        return seen.stream()
                .filter(e -> type.equals(e.path("type").asText()))
                .filter(e -> leadId.toString().equals(e.path("subject").asText()))
                .toList();
    }
}
