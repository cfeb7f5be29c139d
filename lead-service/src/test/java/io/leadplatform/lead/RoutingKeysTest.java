package io.leadplatform.lead;

import io.leadplatform.lead.messaging.LeadEventsConsumer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue is bound to exactly the event types the consumer handles: no type dead-lettered, none never delivered. */
@QuarkusTest
class RoutingKeysTest {

    @Inject
    LeadEventsConsumer consumer;

    @Test
    void theQueueBindingsEqualTheHandlerTable() {
        Set<String> bound = ConfigProvider.getConfig()
                .getValues("mp.messaging.incoming.events-in.routing-keys", String.class).stream()
                .map(String::strip).collect(Collectors.toSet());

        assertThat(consumer.handledTypes()).isNotEmpty().isEqualTo(bound);
    }
}
