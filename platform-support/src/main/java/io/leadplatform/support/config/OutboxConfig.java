package io.leadplatform.support.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of what this service publishes. */
    @WithDefault("${quarkus.application.name}")
    String source();

    /** How often the relay marks confirmed rows sent and sweeps (read by its schedule; ≥ 1s). */
    @WithDefault("1s")
    Duration relayInterval();

    /**
     * How old an unsent row must be before the poll's sweep publishes it: younger rows are the fast path's, which
     * publishes them on commit (a crash, a nack or another replica's lost wake-up leaves older ones).
     */
    @WithDefault("5s")
    Duration sweepAfter();

    /** Rows the sweep locks and publishes per pass. */
    @WithDefault("200")
    int batchSize();

    /** How long a pass waits for the broker's confirms before leaving the rest for the next pass. */
    @WithDefault("10s")
    Duration confirmTimeout();
}
