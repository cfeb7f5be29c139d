package io.leadplatform.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of what this service publishes. */
    @WithDefault("${quarkus.application.name}")
    String source();

    /** How often the relay polls for unsent rows besides its wake-up on commit (read by its schedule; ≥ 1s). */
    @WithDefault("1s")
    Duration relayInterval();

    /** Rows published per relay pass. */
    @WithDefault("200")
    int batchSize();

    /** How long a pass waits for the broker's confirms before leaving the rest for the next pass. */
    @WithDefault("10s")
    Duration confirmTimeout();
}
