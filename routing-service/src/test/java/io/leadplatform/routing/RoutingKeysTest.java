package io.leadplatform.routing;

import io.leadplatform.routing.messaging.RoutingEventsConsumer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue is bound to exactly the handled types: an extra key is dead-lettered, a missing one never arrives. */
@QuarkusTest
class RoutingKeysTest {

    static final String ROUTING_KEYS = "mp.messaging.incoming.events-in.routing-keys";

    @Inject
    RoutingEventsConsumer consumer;

    @Test
    void theQueueIsBoundToExactlyTheHandledTypes() {
        Set<String> bound = ConfigProvider.getConfig().getValues(ROUTING_KEYS, String.class).stream()
                .map(String::trim).collect(Collectors.toSet());

        assertThat(bound).isEqualTo(consumer.handledTypes());
    }
}
